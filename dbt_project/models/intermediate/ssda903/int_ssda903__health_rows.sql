{#-
    Every row of the health extract's six tables in one long shape, with the case-system child it belongs to:
    the child_id the row names, or, when it names none, the one child who holds its NHS number (a number two
    children hold links neither). The one place health records are linked to children: the 903's health
    records, the linkage check and the scorecard's initial health assessments all read it.
-#}

{#- Each table's columns in the long shape; a column a table does not have is blank. record_date is the day
    the record is about (a health assessment's completion: none until it is completed). -#}
{%- set long_columns = {
    'record_date': 'date',
    'assessment_type': dbt.type_string(),
    'referred_date': 'date',
    'due_date': 'date',
    'is_up_to_date': 'integer',
    'sdq_score': 'integer',
    'sdq_reason_code': dbt.type_string(),
    'intervention_offered': 'integer',
    'intervention_received': 'integer',
} -%}
{%- set health_tables = {
    'health_assessments': {
        'record_date': 'completed_date',
        'assessment_type': 'assessment_type',
        'referred_date': 'referred_date',
        'due_date': 'due_date',
    },
    'dental_checks': {'record_date': 'check_date'},
    'immunisations': {
        'record_date': 'status_date',
        'is_up_to_date': 'case when immunisations_up_to_date then 1 else 0 end',
    },
    'development_checks': {
        'record_date': 'check_date',
        'is_up_to_date': 'case when checks_up_to_date then 1 else 0 end',
    },
    'sdq_assessments': {
        'record_date': 'assessment_date',
        'sdq_score': 'cast(sdq_score as integer)',
        'sdq_reason_code': 'reason_no_score_code',
    },
    'substance_misuse': {
        'record_date': 'identified_date',
        'intervention_offered': 'case when intervention_offered then 1 else 0 end',
        'intervention_received': 'case when intervention_received then 1 else 0 end',
    },
} -%}

with

children as (

    select * from {{ ref('stg_case_system__children') }}

),

-- NHS numbers that exactly one child holds: only these link a row that names no child.
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

    {%- for entity, columns in health_tables.items() %}
    select
        la_code,
        '{{ entity }}' as entity,
        child_id,
        nhs_number,
        {%- for column, type in long_columns.items() %}
        {{ columns.get(column, 'cast(null as ' ~ type ~ ')') }} as {{ column }},
        {%- endfor %}
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

        ---------- ids
        health_rows.la_code,
        health_rows.entity,
        health_rows.child_id,
        coalesce(health_rows.child_id, nhs_numbers.child_id) as linked_child_id,

        ---------- the record
        {%- for column in long_columns %}
        health_rows.{{ column }},
        {%- endfor %}

        ---------- flags
        health_rows.child_id is null and nhs_numbers.child_id is not null as is_linked_by_nhs_number,

        ---------- lineage: the extract file and row this came from
        health_rows.source_file,
        health_rows.source_row

    from health_rows

    left join nhs_numbers
        on health_rows.la_code = nhs_numbers.la_code
        and health_rows.nhs_number = nhs_numbers.nhs_number
        and health_rows.child_id is null

)

select * from final
