{#- Placements as DfE counts them come from int_scorecard__placements; the 12 months roll with the month end. -#}

with

children_in_care as (

    select * from {{ ref('int_scorecard__child_months') }}

),

month_ends as (

    select * from {{ ref('int_scorecard__month_ends') }}

),

placements as (

    select * from {{ ref('int_scorecard__placements') }}

),

placements_in_window as (

    select
        children_in_care.month_end,
        children_in_care.child_id,
        count(placements.placement_number) as placements_in_12_months

    from children_in_care

    inner join month_ends
        on children_in_care.month_end = month_ends.month_end

    -- a placement that ended on the window's first day (the next began that day) is not in the window
    left join placements
        on {{ same_child('children_in_care', 'placements') }}
        and placements.placement_start_date <= children_in_care.month_end
        and (placements.placement_end_date is null or placements.placement_end_date > month_ends.rolling_12_start)

    group by children_in_care.month_end, children_in_care.child_id

),

{{ scorecard_indicator_rows('placements_in_window', in_numerator='placements_in_12_months >= 3') }}
