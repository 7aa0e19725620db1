{{ config(materialized='view') }}

{#-
    E12, snapshot at each month end: of the children of compulsory school age (5 to 15 on 31 August before the
    academic year) looked after at the month end who had been looked after continuously for 12 months, those
    with an education, health and care plan (or SEN statement; SEN provision E) in force at the month end.
    Linked by UPN.
-#}

with

cohort as (

    select
        la_code,
        month_end,
        child_id,
        upn

    from {{ ref('int_scorecard__school_age_children') }}

    where la_code = '{{ la_code() }}'
        and is_looked_after_12_months

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
        cohort.month_end,
        cohort.child_id

    from cohort

    inner join ehc_plans
        on cohort.la_code = ehc_plans.la_code
        and cohort.upn = ehc_plans.upn
        and ehc_plans.start_date <= cohort.month_end
        and (ehc_plans.end_date is null or ehc_plans.end_date >= cohort.month_end)

),

final as (

    select
        cast('E12' as {{ dbt.type_string() }}) as indicator_id,
        cohort.month_end,
        cast(cohort.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(case when with_plan.child_id is not null then 1 else 0 end as double precision) as numerator,
        cast(1 as double precision) as denominator

    from cohort

    left join with_plan
        on cohort.month_end = with_plan.month_end
        and cohort.child_id = with_plan.child_id

)

select * from final
