{#-
    The health records the 903 (and the scorecard's health indicators) count, each linked to a case-system
    child (int_ssda903__health_rows links them): one row per record, in one long shape: what kind of record,
    its date, and its values. Health assessments count once completed. Records that link to no child are
    left out (the linkage check counts them).
-#}

{%- set record_types = {
    'health_assessments': 'health_assessment',
    'dental_checks': 'dental_check',
    'immunisations': 'immunisation_status',
    'development_checks': 'development_check',
    'sdq_assessments': 'sdq',
    'substance_misuse': 'substance_misuse',
} -%}

with

health_rows as (

    select * from {{ ref('int_ssda903__health_rows') }}

),

final as (

    select
        la_code,
        linked_child_id as child_id,
        is_linked_by_nhs_number,
        case entity
            {%- for entity, record_type in record_types.items() %}
            when '{{ entity }}' then '{{ record_type }}'
            {%- endfor %}
        end as record_type,
        record_date,
        is_up_to_date,
        sdq_score,
        sdq_reason_code,
        intervention_offered,
        intervention_received

    from health_rows

    where linked_child_id is not null
        and (entity <> 'health_assessments' or record_date is not null)

)

select * from final
