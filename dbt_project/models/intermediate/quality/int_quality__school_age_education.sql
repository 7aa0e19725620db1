{#-
    Children in care of compulsory school age and whether the Virtual School's extract holds any record for
    them. One row per child in int_quality__children_in_care_at_month_ends (looked after at each of the last
    twelve month ends, short breaks left out, in care 28 days or more: time for the school to be told) aged
    5 to 15 at the 31 August before, with a UPN (children recorded with UN1-UN5 have none to link by, and are
    not counted).
-#}

{%- set education_tables = [
    'attendance', 'exclusions', 'special_educational_needs', 'attainment', 'personal_education_plans',
    'part_time_timetables', 'not_in_education',
] -%}

with

in_care as (

    select * from {{ ref('int_quality__children_in_care_at_month_ends') }}

),

children as (

    select * from {{ ref('stg_case_system__children') }}

),

-- every education row's UPN, linked or not
upns_in_education as (

    {%- for entity in education_tables %}
    select la_code, upn from {{ ref('stg_education__' ~ entity) }}
    {%- if not loop.last %}
    union
    {%- endif %}
    {%- endfor %}

),

with_school_year as (

    select
        in_care.la_code,
        in_care.child_id,
        in_care.month_end,
        children.upn,
        children.date_of_birth,
        {#- the 31 August on or before the month end: the start of the school year -#}
        {{ dbt.dateadd('day', -1, dbt.dateadd('month', 8, dbt.date_trunc('year', dbt.dateadd('month', -8, 'in_care.month_end')))) }} as school_year_start

    from in_care

    inner join children
        on {{ same_child('in_care', 'children') }}

),

school_age as (

    select
        la_code,
        child_id,
        month_end,
        upn

    from with_school_year

    where {{ dbt.dateadd('year', 5, 'date_of_birth') }} <= school_year_start
        and {{ dbt.dateadd('year', 16, 'date_of_birth') }} > school_year_start
        and upn is not null
        and upn not in {{ upn_unknown_codes() }}

),

final as (

    select
        school_age.la_code,
        school_age.child_id,
        school_age.month_end,
        upns_in_education.upn is not null as has_education_record

    from school_age

    left join upns_in_education
        on school_age.la_code = upns_in_education.la_code
        and school_age.upn = upns_in_education.upn

)

select * from final
