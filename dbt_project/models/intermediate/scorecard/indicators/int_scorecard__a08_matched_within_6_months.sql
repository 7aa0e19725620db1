{{ config(materialized='view') }}

{#-
    A08, year to date (1 April to the month end): of the children matched with adopters from 1 April to the month
    end after an agency decision to adopt, those matched within 6 months of the agency decision. The extract's match
    date (the agency decision on the match) stands for the panel's recommendation to match, which is not recorded. A
    child with two adoption journeys in the year counts once, by the later.
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
        and matched_date is not null
        and best_interest_decision_date is not null

),

in_year as (

    select
        month_ends.month_end,
        adoption_journeys.child_id,
        case
            when adoption_journeys.matched_date
                <= {{ dbt.dateadd('month', 6, 'adoption_journeys.best_interest_decision_date') }}
                then 1
            else 0
        end as numerator,
        row_number() over (
            partition by month_ends.month_end, adoption_journeys.child_id
            order by adoption_journeys.matched_date desc
        ) as latest_first

    from month_ends

    inner join adoption_journeys
        on adoption_journeys.matched_date between month_ends.financial_year_start and month_ends.month_end

),

final as (

    select
        cast('A08' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(numerator as double precision) as numerator,
        cast(1 as double precision) as denominator

    from in_year

    where latest_first = 1

)

select * from final
