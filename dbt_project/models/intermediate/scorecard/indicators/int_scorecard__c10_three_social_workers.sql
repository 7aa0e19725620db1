{#- DfE's social worker stability (official statistics in development, from the 903 SWEpisodes): children looked
    after at the month end who had 3 or more social workers in the 12 months to it, each worker counted once
    however often they came back, and only while the child was looked after (from the start of the current
    period of care, when that is later than the window's first day). -#}

with

children_in_care as (

    select * from {{ ref('int_scorecard__child_months') }}

),

month_ends as (

    select * from {{ ref('int_scorecard__month_ends') }}

),

allocations as (

    select * from {{ ref('stg_case_system__social_worker_allocations') }}

),

cohort as (

    select
        children_in_care.la_code,
        children_in_care.month_end,
        children_in_care.child_id,
        case
            when children_in_care.period_start_date > month_ends.rolling_12_start
                then children_in_care.period_start_date
            else month_ends.rolling_12_start
        end as looked_after_from

    from children_in_care

    inner join month_ends
        on children_in_care.month_end = month_ends.month_end

),

social_workers_in_window as (

    select
        cohort.month_end,
        cohort.child_id,
        count(distinct allocations.social_worker_id) as social_workers

    from cohort

    -- an allocation that ended on the first day (the next worker took over that day) is not in the window
    left join allocations
        on {{ same_child('cohort', 'allocations') }}
        and allocations.start_date <= cohort.month_end
        and (allocations.end_date is null or allocations.end_date > cohort.looked_after_from)

    group by cohort.month_end, cohort.child_id

),

{{ scorecard_indicator_rows('social_workers_in_window', in_numerator='social_workers >= 3') }}
