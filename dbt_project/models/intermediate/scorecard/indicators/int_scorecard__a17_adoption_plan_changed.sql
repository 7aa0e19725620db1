{{ config(materialized='view') }}

{#-
    A17, year to date (1 April to the month end): of the children with an agency decision that they should be
    placed for adoption in force at any time from 1 April to the month end (made on or before the month end;
    not reversed, adopted or out of care before 1 April), those whose plan changed away from adoption: the
    decision was reversed (the 903 PlacedAdoption DATE_PLACED_CEASED, any reason RD1 to RD4) from 1 April to
    the month end.
-#}

with

month_ends as (

    select
        month_end,
        financial_year_start

    from {{ ref('int_scorecard__month_ends') }}

),

adoption_journeys as (

    select * from {{ ref('int_scorecard__adoption_journeys') }}

    where la_code = '{{ la_code() }}'
        and best_interest_decision_date is not null

),

in_force_in_year as (

    select
        month_ends.month_end,
        adoption_journeys.child_id,
        max(
            case
                when adoption_journeys.decision_reversed_date between month_ends.financial_year_start
                    and month_ends.month_end
                    then 1
                else 0
            end
        ) as was_reversed

    from month_ends

    inner join adoption_journeys
        on adoption_journeys.best_interest_decision_date <= month_ends.month_end
        and (
            adoption_journeys.decision_reversed_date is null
            or adoption_journeys.decision_reversed_date >= month_ends.financial_year_start
        )
        and (
            adoption_journeys.period_end_date is null
            or adoption_journeys.period_end_date >= month_ends.financial_year_start
        )

    group by
        month_ends.month_end,
        adoption_journeys.child_id

),

final as (

    select
        cast('A17' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(was_reversed as double precision) as numerator,
        cast(1 as double precision) as denominator

    from in_force_in_year

)

select * from final
