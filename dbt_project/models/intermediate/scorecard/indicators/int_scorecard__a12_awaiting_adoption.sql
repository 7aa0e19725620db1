{#- Placed with the adopters is the 903 PlacedAdoption row still open with no adoption placement begun
    (int_scorecard__adoption_journeys.placed_for_adoption_date). -#}

with

children_in_care as (

    select * from {{ ref('int_scorecard__child_months') }}

),

adoption_decisions as (

    select * from {{ ref('int_scorecard__adoption_journeys') }}

    where best_interest_decision_date is not null

),

with_decisions as (

    select
        children_in_care.month_end,
        children_in_care.child_id,
        count(adoption_decisions.best_interest_decision_date) as decisions_awaiting_placement

    from children_in_care

    left join adoption_decisions
        on {{ same_child('children_in_care', 'adoption_decisions') }}
        and adoption_decisions.best_interest_decision_date >= children_in_care.period_start_date
        and {{ scorecard_in_force_at(
            'adoption_decisions.best_interest_decision_date',
            'adoption_decisions.decision_reversed_date',
            'children_in_care.month_end'
        ) }}
        and (
            adoption_decisions.placed_for_adoption_date is null
            or adoption_decisions.placed_for_adoption_date > children_in_care.month_end
        )

    group by children_in_care.month_end, children_in_care.child_id

),

{{ scorecard_indicator_rows('with_decisions', in_numerator='decisions_awaiting_placement > 0') }}
