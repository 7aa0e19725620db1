{#-
    Whether each row of the health extract links to a child in the case system: by its child_id, or when that
    is blank by an NHS number that exactly one child holds (as int_ssda903__health_records links them).
    One row per health row; rows that link to no child never reach a child's record.
-#}

{%- set health_tables = {
    'health_assessments': 'coalesce(completed_date, referred_date, due_date)',
    'dental_checks': 'check_date',
    'immunisations': 'status_date',
    'development_checks': 'check_date',
    'sdq_assessments': 'assessment_date',
    'substance_misuse': 'identified_date',
} -%}

with

children as (

    select
        la_code,
        child_id,
        nhs_number

    from {{ ref('stg_case_system__children') }}

),

nhs_numbers as (

    select
        la_code,
        nhs_number,
        min(child_id) as child_id

    from children

    where nhs_number is not null

    group by
        la_code,
        nhs_number

    having count(*) = 1

),

health_rows as (

    {%- for entity, record_date in health_tables.items() %}
    select
        la_code,
        '{{ entity }}' as entity,
        child_id,
        nhs_number,
        {{ record_date }} as record_date,
        source_file,
        source_row

    from {{ ref('stg_health__' ~ entity) }}
    {%- if not loop.last %}

    union all
    {% endif -%}
    {%- endfor %}

),

final as (

    select
        health_rows.la_code,
        health_rows.entity,
        health_rows.child_id,
        coalesce(children.child_id, nhs_numbers.child_id) as linked_child_id,
        health_rows.record_date,
        {{ dbt.last_day('health_rows.record_date', 'month') }} as month_end,
        health_rows.source_file,
        health_rows.source_row,
        coalesce(children.child_id, nhs_numbers.child_id) is not null as is_linked

    from health_rows

    left join children
        on health_rows.la_code = children.la_code
        and health_rows.child_id = children.child_id

    left join nhs_numbers
        on health_rows.la_code = nhs_numbers.la_code
        and health_rows.child_id is null
        and health_rows.nhs_number = nhs_numbers.nhs_number

)

select * from final
