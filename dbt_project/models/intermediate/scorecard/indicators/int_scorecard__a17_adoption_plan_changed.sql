{#- A decision is in force in the year unless it was reversed, or the child adopted or out of care, before 1 April.
    A child with two decisions in force counts once: changed if either was reversed in the year. -#}

with

month_ends as (

    select * from {{ ref('int_scorecard__month_ends') }}

),

adoption_decisions as (

    select * from {{ ref('int_scorecard__adoption_journeys') }}

    where best_interest_decision_date is not null

),

in_force_in_year as (

    select
        month_ends.month_end,
        adoption_decisions.child_id,
        max(
            case
                when adoption_decisions.decision_reversed_date
                    between month_ends.financial_year_start and month_ends.month_end
                    then 1
                else 0
            end
        ) as was_reversed

    from month_ends

    inner join adoption_decisions
        on adoption_decisions.best_interest_decision_date <= month_ends.month_end
        and (
            adoption_decisions.decision_reversed_date is null
            or adoption_decisions.decision_reversed_date >= month_ends.financial_year_start
        )
        and (
            adoption_decisions.period_end_date is null
            or adoption_decisions.period_end_date >= month_ends.financial_year_start
        )

    group by month_ends.month_end, adoption_decisions.child_id

),

{{ scorecard_indicator_rows('in_force_in_year', numerator='was_reversed') }}
