{#- Periods of care as the 903 episodes are cut from: numbered per child, and never overlapping. A period
    recorded as running past the start of the child's next period ends, here, when the next one starts
    (int_ssda903__history_conflicts reports it as period_overlap); nothing else is changed. -#}

with

periods_of_care as (

    select * from {{ ref('stg_case_system__periods_of_care') }}

),

ordered as (

    select

        la_code,
        child_id,
        start_date,
        end_date,
        reason_ended_code,
        category_of_need_code,
        row_number() over (
            partition by la_code, child_id
            order by start_date
        ) as period_number,
        lead(start_date) over (
            partition by la_code, child_id
            order by start_date
        ) as next_period_start_date

    from periods_of_care

),

final as (

    select

        ---------- ids
        la_code,
        child_id,
        period_number,

        ---------- codes
        category_of_need_code,
        reason_ended_code,

        ---------- dates
        start_date as period_start_date,
        case
            when next_period_start_date is not null
                and (end_date is null or end_date > next_period_start_date)
                then next_period_start_date
            else end_date
        end as period_end_date,
        end_date as recorded_end_date,

        ---------- flags
        (
            next_period_start_date is not null
            and (end_date is null or end_date > next_period_start_date)
        ) as is_cut_short

    from ordered

)

select * from final
