{#-
    Each allocation of a social worker to a child, with the reason for the change of social worker that
    started it (the 903's SW_REASON). DfE requires the reason on every episode starting from 1 April 2023,
    open ones included (SW01b, SW13), and checks it against the previous episode's end (SW10), so it
    describes the change into the allocation: the reason the child's previous allocation ended, when this one
    followed it without a gap. A child's first allocation, and one after a gap with no social worker (the case
    closed, then a re-referral), is FCONTA, "first contact or re-referral" (DfE's statistics on social worker
    changes count it as such, and SW10 expects FCONTA episodes to stand apart from the one before).
-#}

{%- set previous_allocation = "over (partition by la_code, child_id order by start_date, end_date, social_worker_id)" %}

with

allocations as (

    select * from {{ ref('stg_case_system__social_worker_allocations') }}

),

final as (

    select
        la_code,
        child_id,
        social_worker_id,
        start_date,
        end_date,
        case
            when lag(start_date) {{ previous_allocation }} is null then 'FCONTA'
            when lag(end_date) {{ previous_allocation }} < start_date then 'FCONTA'
            else lag(reason_ended_code) {{ previous_allocation }}
        end as change_reason_code

    from allocations

)

select * from final
