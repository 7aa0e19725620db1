{{ config(materialized='view') }}

{#-
    A02, year to date (1 April to the month end), average days: DfE's adoption scorecard measure A1. For the
    children adopted from 1 April to the month end (the period of care ended E11 or E12), the days from
    becoming looked after (the start of that period of care) to moving in with the adoptive family; for a
    child adopted by their foster carers, to moving in with those carers. Each child adds their days to the
    numerator and 1 to the denominator; a child whose placement with the adopters is not recorded is left out.
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
        and moved_in_date is not null

),

final as (

    select
        cast('A02' as {{ dbt.type_string() }}) as indicator_id,
        month_ends.month_end,
        cast(adoption_journeys.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(
            {{ dbt.datediff('adoption_journeys.period_start_date', 'adoption_journeys.moved_in_date', 'day') }}
            as double precision
        ) as numerator,
        cast(1 as double precision) as denominator

    from month_ends

    inner join adoption_journeys
        on adoption_journeys.adopted_date between month_ends.financial_year_start and month_ends.month_end

)

select * from final
