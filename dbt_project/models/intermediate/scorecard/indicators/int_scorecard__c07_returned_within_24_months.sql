{#- Short-break-only periods (V3/V4) are neither starts nor previous periods (int_scorecard__periods_of_care). -#}

with

started_in_year as (

    {{ scorecard_rows_in_window(ref('int_scorecard__periods_of_care'), 'period_start_date', 'YTD') }}

),

latest_starts as (

    {{ scorecard_latest_per_child('started_in_year', 'period_start_date') }}

),

{{ scorecard_indicator_rows(
    'latest_starts', in_numerator='previous_period_end_date >= ' ~ dbt.dateadd('month', -24, 'period_start_date')
) }}
