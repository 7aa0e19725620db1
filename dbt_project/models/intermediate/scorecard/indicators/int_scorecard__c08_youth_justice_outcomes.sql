{{ config(materialized='view') }}

{#- C08, snapshot: of the children looked after at the month end, those with a conviction, youth caution or
    youth conditional caution in the 12 months to the month end. A proxy for "open to Youth Offending
    Services": the extract records youth-justice outcomes, not open YOS cases. -#}

with

children_in_care as (

    select month_end, child_id

    from {{ ref('int_scorecard__child_months') }}

    where la_code = '{{ la_code() }}'

),

month_ends as (

    select month_end, rolling_12_start from {{ ref('int_scorecard__month_ends') }}

),

outcomes as (

    select child_id, outcome_date

    from {{ ref('stg_case_system__youth_justice') }}

    where la_code = '{{ la_code() }}'

),

with_outcome as (

    select distinct
        children_in_care.month_end,
        children_in_care.child_id

    from children_in_care

    inner join month_ends
        on children_in_care.month_end = month_ends.month_end

    inner join outcomes
        on children_in_care.child_id = outcomes.child_id
        and outcomes.outcome_date between month_ends.rolling_12_start and children_in_care.month_end

),

final as (

    select
        cast('C08' as {{ dbt.type_string() }}) as indicator_id,
        children_in_care.month_end,
        cast(children_in_care.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(case when with_outcome.child_id is not null then 1 else 0 end as double precision) as numerator,
        cast(1 as double precision) as denominator

    from children_in_care

    left join with_outcome
        on children_in_care.month_end = with_outcome.month_end
        and children_in_care.child_id = with_outcome.child_id

)

select * from final
