{#-
    A whole indicator model: of the health cohort at each month end (int_scorecard__health_cohort: looked after
    continuously for 12 months), those with a health record of `record_type` (int_ssda903__health_records) in the
    12 months to the month end: H01, H02, H05. Any one record counts; a child with several counts once.
-#}
{% macro scorecard_health_cohort_with_record(record_type) -%}
with

cohort as (

    select * from {{ ref('int_scorecard__health_cohort') }}

),

records as (

    select * from {{ ref('int_ssda903__health_records') }}

    where record_type = '{{ record_type }}'

),

with_records as (

    select
        cohort.month_end,
        cohort.child_id,
        count(records.record_date) as records_in_12_months

    from cohort

    left join records
        on cohort.la_code = records.la_code
        and cohort.child_id = records.child_id
        and records.record_date between cohort.rolling_12_start and cohort.month_end

    group by
        cohort.month_end,
        cohort.child_id

),

{{ scorecard_indicator_rows('with_records', in_numerator='records_in_12_months > 0') }}
{%- endmacro %}

{#-
    A whole indicator model: of the children who became looked after from 1 April to the month end whose
    initial health assessment deadline `deadline` (a date column of int_scorecard__initial_health_assessments)
    had come by the month end, and who were still looked after on it, those whose `done` date was on or before the
    deadline: H03 (referral), H04 (assessment). A child who became looked after twice in the year counts once: on
    time if either time was. A deadline still to come leaves the child out until it has.
-#}
{% macro scorecard_initial_health_assessments_on_time(deadline, done) -%}
with

started_in_year as (

    {{ scorecard_rows_in_window(ref('int_scorecard__initial_health_assessments'), 'period_start_date', 'YTD') }}

),

deadline_passed as (

    select
        month_end,
        child_id,
        max(case when {{ done }} <= {{ deadline }} then 1 else 0 end) as was_on_time

    from started_in_year

    where {{ deadline }} <= month_end
        and (period_end_date is null or period_end_date >= {{ deadline }})

    group by
        month_end,
        child_id

),

{{ scorecard_indicator_rows('deadline_passed', numerator='was_on_time') }}
{%- endmacro %}

{#-
    The latest health record of `record_type` (int_ssda903__health_records) each child of `cohort` (a CTE of
    int_scorecard__health_cohort) had by each month end, from the cohort's `since` column on (rolling_12_start:
    the 12 months to the month end), or at any time before when none. Two records of one day are told apart by
    `then_by` (an expression over `records`), as the 903's OC2 return picks them (int_ssda903__outcomes_in_year).
    One row per child and month end that has such a record, with the record's `columns`. H06, H07.
-#}
{% macro scorecard_latest_health_record(record_type, columns, then_by, since=none, cohort='cohort') -%}
    select * from (

        select
            {{ cohort }}.month_end,
            {{ cohort }}.child_id,
            {%- for column in columns %}
            records.{{ column }},
            {%- endfor %}
            row_number() over (
                partition by {{ cohort }}.month_end, {{ cohort }}.child_id
                order by records.record_date desc, {{ then_by }}
            ) as newest_first

        from {{ cohort }}

        inner join {{ ref('int_ssda903__health_records') }} as records
            on {{ cohort }}.la_code = records.la_code
            and {{ cohort }}.child_id = records.child_id
            and records.record_type = '{{ record_type }}'
            and records.record_date <= {{ cohort }}.month_end
            {%- if since %}
            and records.record_date >= {{ cohort }}.{{ since }}
            {%- endif %}

    ) as numbered

    where newest_first = 1
{%- endmacro %}
