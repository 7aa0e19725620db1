{#-
    The children who ceased to be looked after from 1 April to each month end (short breaks left out, as DfE's
    figures for children ceasing leave them out), with the reason their last period in the year ended: a child who
    ceased twice in the year counts once, by the last time. The denominator of A04 and A16.
-#}

with

month_ends as (

    select
        month_end,
        financial_year_start

    from {{ ref('int_scorecard__month_ends') }}

),

periods as (

    select
        child_id,
        end_date,
        reason_ended_code

    from {{ ref('int_ssda903__looked_after_periods') }}

    where la_code = '{{ la_code() }}'
        and not is_short_breaks
        and end_date is not null

),

ceased_in_year as (

    select
        month_ends.month_end,
        periods.child_id,
        periods.reason_ended_code,
        row_number() over (
            partition by month_ends.month_end, periods.child_id
            order by periods.end_date desc
        ) as latest_first

    from month_ends

    inner join periods
        on periods.end_date between month_ends.financial_year_start and month_ends.month_end

)

select
    month_end,
    child_id,
    reason_ended_code

from ceased_in_year

where latest_first = 1
