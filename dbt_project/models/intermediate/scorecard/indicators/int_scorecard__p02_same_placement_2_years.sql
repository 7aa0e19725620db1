{#- DfE counts the time "with the same carer": a placement as P01 counts them (int_scorecard__placements), so
    neither a change of placement code with the same carers (RNE T or U, e.g. short-term to long-term fostering, or
    placed for adoption with the foster carers) nor a temporary placement (PLACE T0-T4) and the return from it to
    the same carers restarts it. -#}

with

cohort as (

    select * from {{ ref('int_scorecard__child_months') }}

    where age < 16
        and period_start_date <= {{ dbt.dateadd('month', -30, 'month_end') }}

),

judged as (

    select
        month_end,
        child_id,
        case
            when placement_start_date <= {{ dbt.dateadd('year', -2, 'month_end') }} then 1
            -- the previous placement must be in this period of care: it started on or after the period began
            when placement_type_code in ('A3', 'A4', 'A5', 'A6')
                and previous_placement_start_date >= period_start_date
                and previous_placement_start_date <= {{ dbt.dateadd('year', -2, 'month_end') }} then 1
            else 0
        end as is_stable

    from cohort

),

{{ scorecard_indicator_rows('judged', numerator='is_stable') }}
