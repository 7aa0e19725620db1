{{ config(materialized='view') }}

{#-
    A10, year to date (1 April to the month end): of the children placed for adoption from 1 April to the month end,
    those placed less than 14 months after becoming looked after (the start of the period of care). A child with two
    adoption journeys in the year counts once, by the later.
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
        and placed_for_adoption_date is not null

),

in_year as (

    select
        month_ends.month_end,
        adoption_journeys.child_id,
        case
            when adoption_journeys.placed_for_adoption_date
                < {{ dbt.dateadd('month', 14, 'adoption_journeys.period_start_date') }}
                then 1
            else 0
        end as numerator,
        row_number() over (
            partition by month_ends.month_end, adoption_journeys.child_id
            order by adoption_journeys.placed_for_adoption_date desc
        ) as latest_first

    from month_ends

    inner join adoption_journeys
        on adoption_journeys.placed_for_adoption_date between month_ends.financial_year_start and month_ends.month_end

),

final as (

    select
        cast('A10' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(numerator as double precision) as numerator,
        cast(1 as double precision) as denominator

    from in_year

    where latest_first = 1

)

select * from final
