{#- Short-break-only periods (V3/V4) are neither starts nor previous periods (int_scorecard__periods_of_care).
    "Within 24 months" is the catalogue's 730 days (DfE publishes no such measure to define it otherwise): a period
    that ended 24 calendar months before, when 29 February falls between, is 731 days before and not within. -#}

with

started_in_year as (

    {{ scorecard_rows_in_window(ref('int_scorecard__periods_of_care'), 'period_start_date', 'YTD') }}

),

latest_starts as (

    {{ scorecard_latest_per_child('started_in_year', 'period_start_date') }}

),

{{ scorecard_indicator_rows(
    'latest_starts', in_numerator='previous_period_end_date >= ' ~ dbt.dateadd('day', -730, 'period_start_date')
) }}
