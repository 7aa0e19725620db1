{#- Reviews are counted, not children (the 2015 scorecard's 1,758 of 1,810 are reviews, source-documents 001):
    each child's row carries their reviews due in the year so far and how many of those were held on time. -#}

with

due_in_year as (

    {{ scorecard_rows_in_window(ref('int_scorecard__reviews'), 'due_date', 'YTD') }}

),

reviews_by_child as (

    select
        month_end,
        child_id,
        sum(case when review_date <= due_date then 1 else 0 end) as reviews_on_time,
        count(*) as reviews_due

    from due_in_year

    group by month_end, child_id

),

{{ scorecard_indicator_rows('reviews_by_child', numerator='reviews_on_time', denominator='reviews_due') }}
