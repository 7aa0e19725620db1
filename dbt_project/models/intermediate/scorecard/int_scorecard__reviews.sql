{#- The authority's looked-after reviews as DfE counts them: those that fell due while the child was looked after
    other than on short breaks only (V3/V4 periods are left out of the 903 reviews). Due dates in the future are kept (the
    year-to-date windows stop at each month end). -#}

with

reviews as (

    select la_code, child_id, due_date, review_date, participation_code

    from {{ ref('stg_case_system__reviews') }}

),

periods_of_care as (

    select * from {{ ref('int_scorecard__periods_of_care') }}

),

final as (

    select distinct
        reviews.la_code,
        reviews.child_id,
        reviews.due_date,
        reviews.review_date,
        reviews.participation_code

    from reviews

    inner join periods_of_care
        on {{ same_child('reviews', 'periods_of_care') }}
        and reviews.due_date >= periods_of_care.period_start_date
        and (periods_of_care.period_end_date is null or reviews.due_date <= periods_of_care.period_end_date)

)

select * from final
