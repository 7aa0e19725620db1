{#- The authority's periods of care, short breaks left out (DfE leaves V3/V4-only periods out of starts,
    leavers and reviews), each with the end of the child's period before it and the start of the one after: the
    periods the scorecard's starts, leavers, reviews and adoption journeys are counted in. -#}

with

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

    where la_code = '{{ la_code() }}'
        and not is_short_breaks

),

final as (

    select

        ---------- ids
        la_code,
        child_id,

        ---------- codes
        reason_ended_code,

        ---------- dates
        start_date as period_start_date,
        end_date as period_end_date,
        lag(end_date) over (partition by la_code, child_id order by start_date) as previous_period_end_date,
        lead(start_date) over (partition by la_code, child_id order by start_date) as next_period_start_date

    from periods

)

select * from final
