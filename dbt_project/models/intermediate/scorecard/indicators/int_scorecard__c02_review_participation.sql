{{ config(materialized='view') }}

{#- C02, year to date: of the looked-after reviews held from 1 April to the month end of children aged 4 or
    over (903 REVIEW_CODE other than PN0, child under 4), those at which the child participated (PN1 to PN6;
    PN7 did not). Reviews are counted, not children (Kent's 4,487 of 4,698): each child's row carries their
    reviews. Reviews of children on short breaks only are left out (int_scorecard__reviews). -#}

with

month_ends as (

    select month_end, financial_year_start from {{ ref('int_scorecard__month_ends') }}

),

reviews as (

    select child_id, review_date, participation_code

    from {{ ref('int_scorecard__reviews') }}

    where la_code = '{{ la_code() }}'
        and review_date is not null
        and participation_code is not null
        and participation_code <> 'PN0'

),

held_in_window as (

    select
        month_ends.month_end,
        reviews.child_id,
        case when reviews.participation_code in ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6') then 1 else 0 end
            as participated

    from month_ends

    inner join reviews
        on reviews.review_date between month_ends.financial_year_start and month_ends.month_end

),

final as (

    select
        cast('C02' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(sum(participated) as double precision) as numerator,
        cast(count(*) as double precision) as denominator

    from held_in_window

    group by month_end, child_id

)

select * from final
