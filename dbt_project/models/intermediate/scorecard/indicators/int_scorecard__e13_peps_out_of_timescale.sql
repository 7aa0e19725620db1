{{ config(materialized='view') }}

{#-
    E13, snapshot at each month end: of the children of compulsory school age (5 to 15 on 31 August before the
    academic year) looked after at the month end whose period of care began 6 months or more before it, those
    whose Personal Education Plan is out of timescale: none in the 6 months to the month end. Linked by UPN.
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
        and period_start_date <= {{ dbt.dateadd('month', -6, 'month_end') }}

),

personal_education_plans as (

    select
        la_code,
        upn,
        pep_date

    from {{ ref('stg_education__personal_education_plans') }}

),

in_timescale as (

    select distinct
        cohort.month_end,
        cohort.child_id

    from cohort

    inner join personal_education_plans
        on cohort.la_code = personal_education_plans.la_code
        and cohort.upn = personal_education_plans.upn
        and personal_education_plans.pep_date <= cohort.month_end
        and personal_education_plans.pep_date > {{ dbt.dateadd('month', -6, 'cohort.month_end') }}

),

final as (

    select
        cast('E13' as {{ dbt.type_string() }}) as indicator_id,
        cohort.month_end,
        cast(cohort.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(case when in_timescale.child_id is null then 1 else 0 end as double precision) as numerator,
        cast(1 as double precision) as denominator

    from cohort

    left join in_timescale
        on cohort.month_end = in_timescale.month_end
        and cohort.child_id = in_timescale.child_id

)

select * from final
