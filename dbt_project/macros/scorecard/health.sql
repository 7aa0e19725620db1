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
