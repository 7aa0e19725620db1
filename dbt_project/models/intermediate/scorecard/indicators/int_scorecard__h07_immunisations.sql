{#- The latest status is the one the 903 OC2 return would read; when two fall on one day, not up to date wins. -#}

with

cohort as (

    select * from {{ ref('int_scorecard__health_cohort') }}

),

immunisation_statuses as (

    select * from {{ ref('int_ssda903__health_records') }}

    where record_type = 'immunisation_status'

),

latest_status as (

    select
        cohort.month_end,
        cohort.child_id,
        immunisation_statuses.is_up_to_date,
        row_number() over (
            partition by cohort.month_end, cohort.child_id
            order by immunisation_statuses.record_date desc, immunisation_statuses.is_up_to_date
        ) as newest_first

    from cohort

    inner join immunisation_statuses
        on cohort.la_code = immunisation_statuses.la_code
        and cohort.child_id = immunisation_statuses.child_id
        and immunisation_statuses.record_date <= cohort.month_end

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
        and latest_status.newest_first = 1

),

{{ scorecard_indicator_rows('judged', numerator='is_up_to_date') }}
