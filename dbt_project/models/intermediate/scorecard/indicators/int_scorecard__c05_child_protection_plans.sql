{{ config(materialized='view') }}

{#- C05, snapshot count: children looked after at the month end who were subject to a child protection plan
    at the month end (started on or before it, not ended by it). -#}

with

children_in_care as (

    select month_end, child_id

    from {{ ref('int_scorecard__child_months') }}

    where la_code = '{{ la_code() }}'

),

plans as (

    select child_id, start_date, end_date

    from {{ ref('stg_case_system__child_protection_plans') }}

    where la_code = '{{ la_code() }}'

),

final as (

    select distinct
        cast('C05' as {{ dbt.type_string() }}) as indicator_id,
        children_in_care.month_end,
        cast(children_in_care.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(1 as double precision) as numerator,
        cast(0 as double precision) as denominator

    from children_in_care

    inner join plans
        on children_in_care.child_id = plans.child_id
        and plans.start_date <= children_in_care.month_end
        and (plans.end_date is null or plans.end_date > children_in_care.month_end)

)

select * from final
