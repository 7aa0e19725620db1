{{ config(materialized='view') }}

{#- C03, snapshot: of the children looked after at the month end whose period of care began 18 months or more
    before, those whose social worker at the month end had been allocated for 12 months or more. A child with
    no social worker allocated at the month end is in the denominator only. -#}

with

cohort as (

    select month_end, child_id

    from {{ ref('int_scorecard__child_months') }}

    where la_code = '{{ la_code() }}'
        and period_start_date <= {{ dbt.dateadd('month', -18, 'month_end') }}

),

allocations as (

    select child_id, start_date, end_date

    from {{ ref('stg_case_system__social_worker_allocations') }}

    where la_code = '{{ la_code() }}'

),

-- the allocation current at the month end (the latest started, if records overlap)
current_allocation as (

    select
        cohort.month_end,
        cohort.child_id,
        max(allocations.start_date) as allocated_date

    from cohort

    inner join allocations
        on cohort.child_id = allocations.child_id
        and allocations.start_date <= cohort.month_end
        and (allocations.end_date is null or allocations.end_date > cohort.month_end)

    group by cohort.month_end, cohort.child_id

),

final as (

    select
        cast('C03' as {{ dbt.type_string() }}) as indicator_id,
        cohort.month_end,
        cast(cohort.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(
            case
                when current_allocation.allocated_date <= {{ dbt.dateadd('month', -12, 'cohort.month_end') }} then 1
                else 0
            end as double precision
        ) as numerator,
        cast(1 as double precision) as denominator

    from cohort

    left join current_allocation
        on cohort.month_end = current_allocation.month_end
        and cohort.child_id = current_allocation.child_id

)

select * from final
