{{ config(materialized='view') }}

{#- C01, year to date: of the looked-after reviews due from 1 April to the month end, those held on or before
    their due date. Reviews are counted, not children (Kent's 1,758 of 1,810 are reviews): each child's row
    carries their reviews. Reviews due while the child was on short breaks only (V3/V4) are left out, as DfE
    leaves them out of the reviews table. -#}

with

month_ends as (

    select month_end, financial_year_start from {{ ref('int_scorecard__month_ends') }}

),

reviews_in_care as (

    select child_id, due_date, review_date

    from {{ ref('int_scorecard__reviews') }}

    where la_code = '{{ la_code() }}'

),

due_in_window as (

    select
        month_ends.month_end,
        reviews_in_care.child_id,
        case
            when reviews_in_care.review_date <= reviews_in_care.due_date
                and reviews_in_care.review_date <= month_ends.month_end
            then 1 else 0
        end as is_on_time

    from month_ends

    inner join reviews_in_care
        on reviews_in_care.due_date between month_ends.financial_year_start and month_ends.month_end

),

final as (

    select
        cast('C01' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(sum(is_on_time) as double precision) as numerator,
        cast(count(*) as double precision) as denominator

    from due_in_window

    group by month_end, child_id

)

select * from final
