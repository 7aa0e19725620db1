{#- The latest status is the one the 903 OC2 return would read; when two fall on one day, not up to date wins. -#}

with

cohort as (

    select * from {{ ref('int_scorecard__health_cohort') }}

),

latest_status as (

    {{ scorecard_latest_health_record('immunisation_status', ['is_up_to_date'], then_by='records.is_up_to_date') }}

),

-- none recorded counts as not up to date
judged as (

    select
        cohort.month_end,
        cohort.child_id,
        coalesce(latest_status.is_up_to_date, 0) as is_up_to_date

    from cohort

    left join latest_status
        on cohort.month_end = latest_status.month_end
        and cohort.child_id = latest_status.child_id

),

{{ scorecard_indicator_rows('judged', numerator='is_up_to_date') }}
