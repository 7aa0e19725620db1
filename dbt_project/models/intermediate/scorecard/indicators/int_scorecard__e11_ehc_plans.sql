{{ config(materialized='view') }}

{#-
    E11, snapshot at each month end, a count: the children looked after at the month end with an education,
    health and care plan (or the SEN statement it replaced; SEN provision E) in force at the month end.
    Linked by UPN.
-#}

with

child_months as (

    select
        la_code,
        month_end,
        child_id,
        upn

    from {{ ref('int_scorecard__child_months') }}

    where la_code = '{{ la_code() }}'
        and upn not in ('UN1', 'UN2', 'UN3', 'UN4', 'UN5')  -- no UPN: nothing links

),

ehc_plans as (

    select
        la_code,
        upn,
        start_date,
        end_date

    from {{ ref('stg_education__special_educational_needs') }}

    where sen_provision = 'E'

),

with_plan as (

    select distinct
        child_months.month_end,
        child_months.child_id

    from child_months

    inner join ehc_plans
        on child_months.la_code = ehc_plans.la_code
        and child_months.upn = ehc_plans.upn
        and ehc_plans.start_date <= child_months.month_end
        and (ehc_plans.end_date is null or ehc_plans.end_date >= child_months.month_end)

),

final as (

    select
        cast('E11' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(1 as double precision) as numerator,
        cast(0 as double precision) as denominator

    from with_plan

)

select * from final
