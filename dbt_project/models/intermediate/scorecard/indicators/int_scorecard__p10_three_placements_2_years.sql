{#- DfE's placement stability over 2 years (official statistics in development): children looked after for the
    whole of the 24 months to the month end, with 3 or more placements in them. Placements as DfE counts them come
    from int_scorecard__placements, as for P01. -#}

with

month_ends as (

    select
        month_end,
        cast({{ dbt.dateadd('month', -12, 'rolling_12_start') }} as date) as rolling_24_start

    from {{ ref('int_scorecard__month_ends') }}

),

cohort as (

    select
        children_in_care.la_code,
        children_in_care.month_end,
        children_in_care.child_id,
        month_ends.rolling_24_start

    from {{ ref('int_scorecard__child_months') }} as children_in_care

    inner join month_ends
        on children_in_care.month_end = month_ends.month_end

    where children_in_care.period_start_date <= month_ends.rolling_24_start

),

placements as (

    select * from {{ ref('int_scorecard__placements') }}

),

placements_in_window as (

    select
        cohort.month_end,
        cohort.child_id,
        count(placements.placement_number) as placements_in_24_months

    from cohort

    -- a placement that ended on the window's first day (the next began that day) is not in the window
    left join placements
        on {{ same_child('cohort', 'placements') }}
        and placements.placement_start_date <= cohort.month_end
        and (placements.placement_end_date is null or placements.placement_end_date > cohort.rolling_24_start)

    group by cohort.month_end, cohort.child_id

),

{{ scorecard_indicator_rows('placements_in_window', in_numerator='placements_in_24_months >= 3') }}
