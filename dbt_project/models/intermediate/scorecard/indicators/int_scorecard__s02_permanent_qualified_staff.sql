with

case_holding_posts as (

    select * from {{ ref('int_scorecard__social_work_posts') }}

    where is_case_holding

),

{{ scorecard_indicator_rows(
    'case_holding_posts',
    subject='post_id',
    in_numerator='is_filled and is_qualified and not coalesce(is_agency, false)',
) }}
