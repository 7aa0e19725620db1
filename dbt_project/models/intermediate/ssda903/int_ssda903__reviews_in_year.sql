{#-
    The Reviews rows the warehouse derives for each collection year: one row per looked-after review held in
    the year while the child was looked after (not on short breaks only: reviews are not returned for V3/V4
    children, rule 399), with how the child took part (REVIEW_CODE, PN0-PN7).
-#}

with

collection_years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

reviews as (

    select * from {{ ref('stg_case_system__reviews') }}

    where review_date is not null

),

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

    where not is_short_breaks

),

children as (

    select * from {{ ref('stg_case_system__children') }}

),

reviews_in_year as (

    select
        reviews.la_code,
        collection_years.collection_year,
        reviews.child_id,
        reviews.review_date,
        reviews.participation_code

    from reviews

    inner join collection_years
        on {{ ssda903_in_year('reviews.review_date') }}

    where {{ ssda903_looked_after_on('reviews', 'reviews.review_date') }}

),

final as (

    select
        {{ ssda903_child_columns('reviews_in_year', dob_from='children') }},
        reviews_in_year.review_date as review,
        cast(reviews_in_year.participation_code as {{ dbt.type_string() }}) as review_code

    from reviews_in_year

    left join children
        on {{ same_child('reviews_in_year', 'children') }}

)

select * from final
