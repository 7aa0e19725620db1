{#- Counted by the day each episode ended, or at each month end while it is still open, as the 903's Missing table
    holds a year's episodes (DfE rules 570 and 571: ended in the year, or begun before its end and still open); an
    episode that began before the 12 months and ended in them counts. The extract has dates, not times: an episode
    lasted more than 48 hours when it ended (or, still open, had lasted to the month end) more than two days after
    the day it began. -#}

with

month_ends as (

    select * from {{ ref('int_scorecard__month_ends') }}

),

missing_episodes as (

    select * from {{ ref('int_scorecard__missing_from_care') }}

),

ended_or_open_in_window as (

    select
        month_ends.month_end,
        missing_episodes.child_id,
        missing_episodes.start_date,
        missing_episodes.end_date

    from month_ends

    inner join missing_episodes
        on missing_episodes.end_date between month_ends.rolling_12_start and month_ends.month_end
        or ({{ scorecard_in_force_at('missing_episodes.start_date', 'missing_episodes.end_date', 'month_ends.month_end') }})

),

long_episodes_by_child as (

    select
        month_end,
        child_id,
        count(*) as long_episodes

    from ended_or_open_in_window

    where {{ dbt.datediff(
        'start_date',
        'case when end_date is null or end_date > month_end then month_end else end_date end',
        'day'
    ) }} > 2

    group by month_end, child_id

),

{{ scorecard_indicator_rows('long_episodes_by_child', numerator='long_episodes', denominator=0) }}
