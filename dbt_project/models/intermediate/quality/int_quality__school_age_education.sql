{#-
    Children in care of compulsory school age and whether the Virtual School's extract holds any record for
    them. One row per child looked after at each of the last twelve month ends up to the extract date (short
    breaks left out), aged 5 to 15 at the 31 August before, in care for at least 28 days (time for the school
    to be told), with a UPN (children recorded with UN1-UN5 have none to link by, and are not counted).
-#}

with

extract_dates as (

    select * from {{ ref('int_quality__extract_dates') }}

),

month_ends as (

    {%- for months_back in range(12) %}
    select {{ dbt.last_day(dbt.dateadd('month', -months_back, 'extract_date'), 'month') }} as month_end
    from extract_dates
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

    where not is_short_breaks

),

children as (

    select
        la_code,
        child_id,
        upn,
        date_of_birth

    from {{ ref('stg_case_system__children') }}

),

upns_in_education as (

    {#- every education row's UPN, linked or not, via the staging views -#}
    select la_code, upn from {{ ref('stg_education__attendance') }}
    union
    select la_code, upn from {{ ref('stg_education__exclusions') }}
    union
    select la_code, upn from {{ ref('stg_education__special_educational_needs') }}
    union
    select la_code, upn from {{ ref('stg_education__attainment') }}
    union
    select la_code, upn from {{ ref('stg_education__personal_education_plans') }}
    union
    select la_code, upn from {{ ref('stg_education__part_time_timetables') }}
    union
    select la_code, upn from {{ ref('stg_education__not_in_education') }}

),

in_care as (

    select
        periods.la_code,
        periods.child_id,
        month_ends.month_end,
        children.upn,
        children.date_of_birth,
        {#- the 31 August on or before the month end: the start of the school year -#}
        {{ dbt.dateadd('day', -1, dbt.dateadd('month', 8, dbt.date_trunc('year', dbt.dateadd('month', -8, 'month_ends.month_end')))) }} as school_year_start

    from periods

    inner join month_ends
        on periods.start_date <= {{ dbt.dateadd('day', -28, 'month_ends.month_end') }}
        and (periods.end_date is null or periods.end_date > month_ends.month_end)

    inner join children
        on periods.la_code = children.la_code
        and periods.child_id = children.child_id

),

school_age as (

    select
        la_code,
        child_id,
        month_end,
        upn

    from in_care

    where {{ dbt.dateadd('year', 5, 'date_of_birth') }} <= school_year_start
        and {{ dbt.dateadd('year', 16, 'date_of_birth') }} > school_year_start
        and upn is not null
        and upn not in ('UN1', 'UN2', 'UN3', 'UN4', 'UN5')

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
