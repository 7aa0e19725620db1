{#- Counted by the day each episode began. The extract has dates, not times: an episode lasted more than 48 hours
    when it ended (or, still open, had lasted to the month end) more than two days after the day it began. -#}

with

started_in_window as (

    {{ scorecard_rows_in_window(ref('int_scorecard__missing_from_care'), 'start_date', 'R12') }}

),

long_episodes_by_child as (

    select
        month_end,
        child_id,
        count(*) as long_episodes

    from started_in_window

    where {{ dbt.datediff(
        'start_date',
        'case when end_date is null or end_date > month_end then month_end else end_date end',
        'day'
    ) }} > 2

    group by month_end, child_id

),

{{ scorecard_indicator_rows('long_episodes_by_child', numerator='long_episodes', denominator=0) }}
