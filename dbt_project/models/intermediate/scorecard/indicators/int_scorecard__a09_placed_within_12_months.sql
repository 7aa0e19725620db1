{{ config(materialized='view') }}

{#-
    A09, year to date (1 April to the month end): of the children adopted from 1 April to the month end (the
    period of care ended E11 or E12) with an agency decision and a date placed for adoption, those placed
    with their adopters within 12 months of the agency decision that they should be placed for adoption.
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
        and adopted_date is not null
        and best_interest_decision_date is not null
        and placed_for_adoption_date is not null

),

final as (

    select
        cast('A09' as {{ dbt.type_string() }}) as indicator_id,
        month_ends.month_end,
        cast(adoption_journeys.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(case
            when adoption_journeys.placed_for_adoption_date
                <= {{ dbt.dateadd('month', 12, 'adoption_journeys.best_interest_decision_date') }}
                then 1
            else 0
        end as double precision) as numerator,
        cast(1 as double precision) as denominator

    from month_ends

    inner join adoption_journeys
        on adoption_journeys.adopted_date between month_ends.financial_year_start and month_ends.month_end

)

select * from final
