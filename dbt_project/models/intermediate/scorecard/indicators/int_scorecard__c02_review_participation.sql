{#- Reviews are counted, not children (the 2015 scorecard's 4,487 of 4,698 are reviews, source-documents 001):
    each child's row carries their reviews held in the year so far and how many of those they took part in. -#}

with

-- PN0 is a child under 4; a review not yet held has no code
reviews_of_children_over_4 as (

    select * from {{ ref('int_scorecard__reviews') }}

    where participation_code <> 'PN0'

),

held_in_year as (

    {{ scorecard_rows_in_window('reviews_of_children_over_4', 'review_date', 'YTD') }}

),

participation_by_child as (

    select
        month_end,
        child_id,
        count(*) as reviews_held,
        sum(case when participation_code in ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6') then 1 else 0 end)
            as reviews_participated

    from held_in_year

    group by month_end, child_id

),

{{ scorecard_indicator_rows('participation_by_child', numerator='reviews_participated', denominator='reviews_held') }}
