{#-
    Whether each row of the education extract links to a child in the case system by its UPN. The Virtual
    School keys its rows by UPN only, so a row whose UPN no child holds (a mistyped or re-issued UPN) is lost
    to the child's record. UN1-UN5 ("no UPN", with the reason) never link and are not expected to.
    One row per education row.
-#}

{%- set education_tables = {
    'attendance': "cast(" ~ dbt.concat(["substring(academic_year, 1, 4)", "'-09-01'"]) ~ " as date)",
    'exclusions': 'start_date',
    'special_educational_needs': 'start_date',
    'attainment': "cast(" ~ dbt.concat(["substring(academic_year, 1, 4)", "'-09-01'"]) ~ " as date)",
    'personal_education_plans': 'pep_date',
    'part_time_timetables': 'start_date',
    'not_in_education': 'start_date',
} -%}

with

upns as (

    select distinct
        la_code,
        upn

    from {{ ref('stg_case_system__children') }}

    where upn is not null

),

education_rows as (

    {%- for entity, record_date in education_tables.items() %}
    select
        la_code,
        '{{ entity }}' as entity,
        upn,
        {{ record_date }} as record_date,
        source_file,
        source_row

    from {{ ref('stg_education__' ~ entity) }}
    {%- if not loop.last %}

    union all
    {% endif -%}
    {%- endfor %}

),

final as (

    select
        education_rows.la_code,
        education_rows.entity,
        education_rows.record_date,
        {{ dbt.last_day('education_rows.record_date', 'month') }} as month_end,
        education_rows.source_file,
        education_rows.source_row,
        upns.upn is not null as is_linked

    from education_rows

    left join upns
        on education_rows.la_code = upns.la_code
        and education_rows.upn = upns.upn

    where education_rows.upn not in {{ upn_unknown_codes() }}

)

select * from final
