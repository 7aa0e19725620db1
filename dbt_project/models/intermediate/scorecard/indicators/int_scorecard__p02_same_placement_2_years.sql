{{ config(materialized='view') }}

{#- P02, snapshot (DfE's long-term stability measure at each month end): of the children aged under 16 at the
    month end who had been looked after continuously for 2.5 years or more (the current period of care began
    30 months or more before), those who had lived in the same placement for 2 years or more, or who were
    placed for adoption (PLACE A3-A6) and whose adoptive placement and the placement before it together
    lasted 2 years. DfE counts the time "with the same carer": a change of placement code with the same
    carers (RNE T or U, e.g. short-term to long-term fostering, or placed for adoption with the foster
    carers) does not restart it (int_scorecard__placements.with_carers_since). -#}

with

cohort as (

    select
        month_end,
        child_id,
        placement_type_code,
        with_carers_since,
        previous_carers_since,
        period_start_date

    from {{ ref('int_scorecard__child_months') }}

    where la_code = '{{ la_code() }}'
        and age < 16
        and period_start_date <= {{ dbt.dateadd('month', -30, 'month_end') }}

),

judged as (

    select
        month_end,
        child_id,
        case
            when with_carers_since <= {{ dbt.dateadd('year', -2, 'month_end') }} then 1
            -- the previous placement must be in this period of care: it started on or after the period began
            when placement_type_code in ('A3', 'A4', 'A5', 'A6')
                and previous_carers_since >= period_start_date
                and previous_carers_since <= {{ dbt.dateadd('year', -2, 'month_end') }} then 1
            else 0
        end as is_stable

    from cohort

),

final as (

    select
        cast('P02' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(is_stable as double precision) as numerator,
        cast(1 as double precision) as denominator

    from judged

)

select * from final
