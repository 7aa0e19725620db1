{{ config(materialized='view') }}

{#-
    A07, year to date (1 April to the month end), average days: of the children whose placement order was granted
    from 1 April to the month end after an agency decision that they should be placed for adoption, the days from
    the agency decision to the placement order (each child adds their days to the numerator and 1 to the
    denominator). A child with two adoption journeys in the year counts once, by the later.
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
        and placement_order_date is not null
        and best_interest_decision_date is not null

),

in_year as (

    select
        month_ends.month_end,
        adoption_journeys.child_id,
        {{ dbt.datediff(
            'adoption_journeys.best_interest_decision_date', 'adoption_journeys.placement_order_date', 'day'
        ) }} as numerator,
        row_number() over (
            partition by month_ends.month_end, adoption_journeys.child_id
            order by adoption_journeys.placement_order_date desc
        ) as latest_first

    from month_ends

    inner join adoption_journeys
        on adoption_journeys.placement_order_date between month_ends.financial_year_start and month_ends.month_end

),

final as (

    select
        cast('A07' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(numerator as double precision) as numerator,
        cast(1 as double precision) as denominator

    from in_year

    where latest_first = 1

)

select * from final
