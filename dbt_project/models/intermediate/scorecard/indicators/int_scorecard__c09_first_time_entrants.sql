{{ config(materialized='view') }}

{#- C09, snapshot count: children looked after at the month end who became first-time entrants to the youth
    justice system in the 12 months to the month end (their first ever conviction, youth caution or youth
    conditional caution, as the Youth Justice Board defines a first-time entrant). -#}

with

children_in_care as (

    select month_end, child_id

    from {{ ref('int_scorecard__child_months') }}

    where la_code = '{{ la_code() }}'

),

month_ends as (

    select month_end, rolling_12_start from {{ ref('int_scorecard__month_ends') }}

),

first_outcomes as (

    select child_id, min(outcome_date) as first_outcome_date

    from {{ ref('stg_case_system__youth_justice') }}

    where la_code = '{{ la_code() }}'

    group by child_id

),

final as (

    select
        cast('C09' as {{ dbt.type_string() }}) as indicator_id,
        children_in_care.month_end,
        cast(children_in_care.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(1 as double precision) as numerator,
        cast(0 as double precision) as denominator

    from children_in_care

    inner join month_ends
        on children_in_care.month_end = month_ends.month_end

    inner join first_outcomes
        on children_in_care.child_id = first_outcomes.child_id
        and first_outcomes.first_outcome_date between month_ends.rolling_12_start and children_in_care.month_end

)

select * from final
