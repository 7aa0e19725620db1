{{ config(materialized='view') }}

{#-
    A12, snapshot at each month end: of the children looked after at the month end, those awaiting adoption:
    an agency decision in their current period of care that they should be placed for adoption, made on or
    before the month end and not reversed by it, and not yet placed with their adopters (the 903
    PlacedAdoption row still open, no adoption placement begun).
-#}

with

child_months as (

    select
        la_code,
        month_end,
        child_id,
        period_start_date

    from {{ ref('int_scorecard__child_months') }}

    where la_code = '{{ la_code() }}'

),

adoption_journeys as (

    select * from {{ ref('int_scorecard__adoption_journeys') }}

    where la_code = '{{ la_code() }}'
        and best_interest_decision_date is not null

),

awaiting as (

    select distinct
        child_months.month_end,
        child_months.child_id

    from child_months

    inner join adoption_journeys
        on child_months.la_code = adoption_journeys.la_code
        and child_months.child_id = adoption_journeys.child_id
        and adoption_journeys.best_interest_decision_date >= child_months.period_start_date
        and adoption_journeys.best_interest_decision_date <= child_months.month_end
        and (
            adoption_journeys.decision_reversed_date is null
            or adoption_journeys.decision_reversed_date > child_months.month_end
        )
        and (
            adoption_journeys.placed_for_adoption_date is null
            or adoption_journeys.placed_for_adoption_date > child_months.month_end
        )

),

final as (

    select
        cast('A12' as {{ dbt.type_string() }}) as indicator_id,
        child_months.month_end,
        cast(child_months.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(case when awaiting.child_id is not null then 1 else 0 end as double precision) as numerator,
        cast(1 as double precision) as denominator

    from child_months

    left join awaiting
        on child_months.month_end = awaiting.month_end
        and child_months.child_id = awaiting.child_id

)

select * from final
