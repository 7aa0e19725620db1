{#-
    One row per adoption journey of the authority's: each agency decision that a child should be placed for adoption (the
    adoptions extract's best-interest decision), in the period of care it was made in, and each period of
    care that ended in adoption (903 reason E11, E12) though no decision was recorded. With the milestones
    the adoption indicators time: placement order, match, placed with the adopters, adopted (the day the
    period of care ended E11/E12, as the 903 AD1 cohort dates it), decision reversed; and the day the child
    moved in with the adoptive family as DfE's adoption scorecard (A1) counts it: for a child adopted by
    their foster carers, the day the child moved in with those carers (the first placement in the period
    with the carer of the adoptive placement), otherwise the day placed for adoption.
-#}

with

adoptions as (

    select * from {{ ref('stg_case_system__adoptions') }}

    where la_code = '{{ la_code() }}'

),

periods as (

    select
        la_code,
        child_id,
        period_start_date,
        period_end_date,
        reason_ended_code,
        next_period_start_date

    from {{ ref('int_scorecard__periods_of_care') }}

),

placements as (

    select
        la_code,
        child_id,
        placement_type_code,
        carer_id,
        start_date,
        end_date

    from {{ ref('stg_case_system__placements') }}

),

children as (

    select
        la_code,
        child_id,
        date_of_birth,
        ethnicity_code,
        has_disability

    from {{ ref('stg_case_system__children') }}

),

child_birthdays as (

    select
        la_code,
        child_id,
        birthday_5

    from {{ ref('int_ssda903__child_birthdays') }}

),

-- A decision belongs to the period of care it was made in (the latest to start on or before it).
decisions as (

    select
        adoptions.la_code,
        adoptions.child_id,
        periods.period_start_date,
        periods.period_end_date,
        periods.reason_ended_code,
        adoptions.best_interest_decision_date,
        adoptions.placement_order_date,
        adoptions.matched_date,
        adoptions.placed_date,
        adoptions.decision_reversed_date,
        adoptions.decision_reversed_reason_code,
        coalesce(adoptions.adopted_by_foster_carer, false) as is_adopted_by_foster_carer,
        row_number() over (
            partition by adoptions.la_code, adoptions.child_id, periods.period_start_date
            order by adoptions.best_interest_decision_date desc
        ) as latest_first

    from adoptions

    left join periods
        on {{ same_child('adoptions', 'periods') }}
        and periods.period_start_date <= adoptions.best_interest_decision_date
        and (
            periods.next_period_start_date is null
            or adoptions.best_interest_decision_date < periods.next_period_start_date
        )

),

adopted_periods as (

    select * from periods

    where reason_ended_code in ('E11', 'E12')

),

adopted_without_decision as (

    select
        adopted_periods.la_code,
        adopted_periods.child_id,
        adopted_periods.period_start_date,
        adopted_periods.period_end_date,
        adopted_periods.reason_ended_code,
        cast(null as date) as best_interest_decision_date,
        cast(null as date) as placement_order_date,
        cast(null as date) as matched_date,
        cast(null as date) as placed_date,
        cast(null as date) as decision_reversed_date,
        cast(null as {{ dbt.type_string() }}) as decision_reversed_reason_code,
        false as is_adopted_by_foster_carer,
        cast(1 as bigint) as latest_first

    from adopted_periods

    left join decisions
        on {{ same_child('adopted_periods', 'decisions') }}
        and adopted_periods.period_start_date = decisions.period_start_date

    where decisions.child_id is null

),

journeys as (

    select * from decisions
    union all
    select * from adopted_without_decision

),

-- The day placed with the adopters: the extract's date, else the period's first adoption placement (903 PLACE
-- A3 to A6), which belongs to the period's latest decision.
adoption_placements as (

    select
        periods.la_code,
        periods.child_id,
        periods.period_start_date,
        min(placements.start_date) as first_adoption_placement_date

    from periods

    inner join placements
        on {{ same_child('periods', 'placements') }}
        and placements.placement_type_code in ('A3', 'A4', 'A5', 'A6')
        and placements.start_date >= periods.period_start_date
        and (periods.next_period_start_date is null or placements.start_date < periods.next_period_start_date)

    group by
        periods.la_code,
        periods.child_id,
        periods.period_start_date

),

placed as (

    select
        journeys.*,
        coalesce(
            journeys.placed_date,
            case when journeys.latest_first = 1 then adoption_placements.first_adoption_placement_date end
        ) as placed_for_adoption_date

    from journeys

    left join adoption_placements
        on {{ same_child('journeys', 'adoption_placements') }}
        and journeys.period_start_date = adoption_placements.period_start_date

),

-- Foster carers who adopt: the child moved in with them when their first placement with that carer began.
foster_carer_placements as (

    select
        placed.la_code,
        placed.child_id,
        placed.period_start_date,
        min(earlier.start_date) as moved_in_with_carer_date

    from placed

    inner join placements as adoptive
        on {{ same_child('placed', 'adoptive') }}
        and adoptive.start_date <= placed.placed_for_adoption_date
        and (adoptive.end_date is null or adoptive.end_date > placed.placed_for_adoption_date)

    inner join placements as earlier
        on {{ same_child('adoptive', 'earlier') }}
        and adoptive.carer_id = earlier.carer_id
        and earlier.start_date >= placed.period_start_date
        and earlier.start_date <= placed.placed_for_adoption_date

    where placed.is_adopted_by_foster_carer
        and placed.latest_first = 1

    group by
        placed.la_code,
        placed.child_id,
        placed.period_start_date

),

final as (

    select

        ---------- ids
        placed.la_code,
        placed.child_id,

        ---------- codes
        placed.reason_ended_code,
        placed.decision_reversed_reason_code,
        children.ethnicity_code,

        ---------- dates
        placed.period_start_date,
        placed.period_end_date,
        placed.best_interest_decision_date,
        placed.placement_order_date,
        placed.matched_date,
        placed.placed_for_adoption_date,
        case
            when placed.is_adopted_by_foster_carer
                then coalesce(foster_carer_placements.moved_in_with_carer_date, placed.placed_for_adoption_date)
            else placed.placed_for_adoption_date
        end as moved_in_date,
        placed.decision_reversed_date,
        -- a period ends in adoption once; an earlier decision in it that was reversed is not the adoption
        case
            when placed.reason_ended_code in ('E11', 'E12') and placed.latest_first = 1 then placed.period_end_date
        end as adopted_date,

        ---------- flags
        placed.is_adopted_by_foster_carer,
        coalesce(children.has_disability, false) as has_disability,
        coalesce(
            placed.reason_ended_code in ('E11', 'E12') and child_birthdays.birthday_5 <= placed.period_end_date, false
        ) as was_5_or_over_when_adopted

    from placed

    left join foster_carer_placements
        on {{ same_child('placed', 'foster_carer_placements') }}
        and placed.period_start_date = foster_carer_placements.period_start_date
        and placed.latest_first = 1

    left join children
        on {{ same_child('placed', 'children') }}

    left join child_birthdays
        on {{ same_child('placed', 'child_birthdays') }}

)

select * from final
