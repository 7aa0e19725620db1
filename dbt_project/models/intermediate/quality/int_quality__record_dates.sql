{#-
    Every date an extract records something as having happened, one row per row and date column, with the
    extract date it should not pass. Due dates are left out (they may lie ahead), and so are dates of
    birth (the contract judges them, and the quality mart's months must not give them away). The contract already
    quarantines dates after the load date; this finds those between the extract date and the load date,
    which mean a file was extracted later than the rest, or a date was keyed wrongly.
-#}

{#- A view, not a table: 5 million rows at ten times Kent's size, read by two models and one dataset check that
    each want a few columns of it, cost more to write than to compute again. -#}
{{ config(materialized='view') }}

{%- set dated = {
    'case_system': {
        'children': ['uasc_ceased_date'],
        'periods_of_care': ['start_date', 'end_date'],
        'legal_statuses': ['start_date', 'end_date'],
        'placements': ['start_date', 'end_date'],
        'reviews': ['review_date'],
        'missing_episodes': ['start_date', 'end_date'],
        'adoptions': ['best_interest_decision_date', 'placement_order_date', 'matched_date', 'placed_date',
                      'adoption_order_date', 'decision_reversed_date'],
        'care_leaver_contacts': ['contact_date'],
        'social_worker_allocations': ['start_date', 'end_date'],
        'child_protection_plans': ['start_date', 'end_date'],
        'youth_justice': ['outcome_date'],
        'other_la_children': ['start_date', 'end_date'],
        'deprivation_of_liberty_orders': ['start_date', 'end_date'],
    },
    'health': {
        'health_assessments': ['referred_date', 'completed_date'],
        'dental_checks': ['check_date'],
        'immunisations': ['status_date'],
        'development_checks': ['check_date'],
        'sdq_assessments': ['assessment_date'],
        'substance_misuse': ['identified_date'],
    },
    'education': {
        'exclusions': ['start_date'],
        'special_educational_needs': ['start_date', 'end_date'],
        'personal_education_plans': ['pep_date'],
        'part_time_timetables': ['start_date', 'end_date'],
        'not_in_education': ['start_date', 'end_date'],
    },
    'workforce': {
        'social_work_posts': ['month_end_date'],
    },
} -%}

{%- set child_column = {'case_system': 'child_id', 'health': 'child_id'} -%}

with

extract_dates as (

    select * from {{ ref('int_quality__extract_dates') }}

),

record_dates as (

    {%- set parts = [] -%}
    {%- for source, entities in dated.items() -%}
    {%- for entity, columns in entities.items() -%}
    {%- for column in columns -%}
    {%- do parts.append((source, entity, column)) -%}
    {%- endfor -%}
    {%- endfor -%}
    {%- endfor -%}
    {%- for source, entity, column in parts %}
    select
        la_code,
        '{{ source }}' as source,
        '{{ entity }}' as entity,
        '{{ column }}' as date_column,
        {% if source in child_column and entity != 'other_la_children' -%}
        child_id,
        {%- else -%}
        cast(null as {{ dbt.type_string() }}) as child_id,
        {%- endif %}
        {{ column }} as record_date,
        source_file,
        source_row

    from {{ ref('stg_' ~ source ~ '__' ~ entity) }}

    where {{ column }} is not null
    {%- if not loop.last %}

    union all
    {% endif -%}
    {%- endfor %}

),

final as (

    select
        record_dates.la_code,
        record_dates.source,
        record_dates.entity,
        record_dates.date_column,
        record_dates.child_id,
        record_dates.record_date,
        {{ dbt.last_day('record_dates.record_date', 'month') }} as month_end,
        record_dates.source_file,
        record_dates.source_row,
        extract_dates.extract_date,
        record_dates.record_date > extract_dates.extract_date as is_after_extract

    from record_dates

    cross join extract_dates

)

select * from final
