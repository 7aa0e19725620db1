{{ config(materialized='view') }}

{#-
    A03, year to date (1 April to the month end), average days: DfE's adoption scorecard measure A2. For the
    children adopted from 1 April to the month end who had a placement order (the court's authority to
    place) and a match, the days from the placement order to the decision on a match with the adopters.
    Children placed with their parents' consent, without a placement order, are left out.
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
        and placement_order_date is not null
        and matched_date is not null

),

final as (

    select
        cast('A03' as {{ dbt.type_string() }}) as indicator_id,
        month_ends.month_end,
        cast(adoption_journeys.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(
            {{ dbt.datediff('adoption_journeys.placement_order_date', 'adoption_journeys.matched_date', 'day') }}
            as double precision
        ) as numerator,
        cast(1 as double precision) as denominator

    from month_ends

    inner join adoption_journeys
        on adoption_journeys.adopted_date between month_ends.financial_year_start and month_ends.month_end

)

select * from final
