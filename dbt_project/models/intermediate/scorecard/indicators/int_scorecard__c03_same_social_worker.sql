{#- The social worker at the month end is the one allocated latest among the allocations open then (records can
    overlap). A child with none allocated is in the denominator only. -#}

with

cohort as (

    select * from {{ ref('int_scorecard__child_months') }}

    where period_start_date <= {{ dbt.dateadd('month', -18, 'month_end') }}

),

allocations as (

    select * from {{ ref('stg_case_system__social_worker_allocations') }}

),

current_allocations as (

    select
        cohort.month_end,
        cohort.child_id,
        max(allocations.start_date) as allocated_date

    from cohort

    left join allocations
        on {{ same_child('cohort', 'allocations') }}
        and {{ scorecard_in_force_at('allocations.start_date', 'allocations.end_date', 'cohort.month_end') }}

    group by cohort.month_end, cohort.child_id

),

{{ scorecard_indicator_rows(
    'current_allocations', in_numerator='allocated_date <= ' ~ dbt.dateadd('month', -12, 'month_end')
) }}
