{#-
    The children who ceased to be looked after from 1 April to each month end (short breaks left out, as DfE's
    figures for children ceasing leave them out), with the reason their last period in the year ended: a child who
    ceased twice in the year counts once, by the last time. The denominator of A04 and A16.
-#}

with

ceased_in_year as (

    {{ scorecard_rows_in_window(ref('int_scorecard__periods_of_care'), 'period_end_date', 'YTD') }}

),

last_ceased as (

    {{ scorecard_latest_per_child('ceased_in_year', 'period_end_date') }}

),

final as (

    select
        month_end,
        child_id,
        reason_ended_code

    from last_ceased

)

select * from final
