{#- Looked-after reviews as DfE counts them: those that fell due while the child was looked after other than on
    short breaks only (V3/V4 periods are left out of the 903 reviews). Due dates in the future are kept (the
    year-to-date windows stop at each month end). -#}

with

reviews as (

    select la_code, child_id, due_date, review_date, participation_code

    from {{ ref('stg_case_system__reviews') }}

),

periods as (

    select la_code, child_id, start_date, end_date

    from {{ ref('int_ssda903__looked_after_periods') }}

    where not is_short_breaks

),

final as (

    select distinct
        reviews.la_code,
        reviews.child_id,
        reviews.due_date,
        reviews.review_date,
        reviews.participation_code

    from reviews

    inner join periods
        on reviews.la_code = periods.la_code
        and reviews.child_id = periods.child_id
        and reviews.due_date >= periods.start_date
        and (periods.end_date is null or reviews.due_date <= periods.end_date)

)

select * from final
