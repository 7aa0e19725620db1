{{ config(materialized='view') }}

{#- P01, rolling 12 months: of the children looked after at the month end, those with 3 or more placements in
    the 12 months to the month end. DfE's short-term stability measure counts placements during the year (1
    April to 31 March) of children looked after at 31 March; Kent's scorecard counts "the last 12 months" at
    every month end, so the window rolls and at 31 March equals DfE's year. Placements as DfE counts them
    (int_scorecard__placements): the one held at the window's start and each new one in it, in any period of
    care; a move to adoption with the existing foster carers and short breaks do not count. -#}

with

children_in_care as (

    select month_end, child_id

    from {{ ref('int_scorecard__child_months') }}

    where la_code = '{{ la_code() }}'

),

month_ends as (

    select month_end, rolling_12_start from {{ ref('int_scorecard__month_ends') }}

),

placements as (

    select child_id, placement_start_date, placement_end_date

    from {{ ref('int_scorecard__placements') }}

    where la_code = '{{ la_code() }}'

),

placements_in_window as (

    select
        children_in_care.month_end,
        children_in_care.child_id,
        count(*) as n_placements

    from children_in_care

    inner join month_ends
        on children_in_care.month_end = month_ends.month_end

    -- a placement ending on the window's first day (the next began that day) is not in the window
    inner join placements
        on children_in_care.child_id = placements.child_id
        and placements.placement_start_date <= children_in_care.month_end
        and (placements.placement_end_date is null or placements.placement_end_date > month_ends.rolling_12_start)

    group by children_in_care.month_end, children_in_care.child_id

),

final as (

    select
        cast('P01' as {{ dbt.type_string() }}) as indicator_id,
        children_in_care.month_end,
        cast(children_in_care.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(case when placements_in_window.n_placements >= 3 then 1 else 0 end as double precision) as numerator,
        cast(1 as double precision) as denominator

    from children_in_care

    left join placements_in_window
        on children_in_care.month_end = placements_in_window.month_end
        and children_in_care.child_id = placements_in_window.child_id

)

select * from final
