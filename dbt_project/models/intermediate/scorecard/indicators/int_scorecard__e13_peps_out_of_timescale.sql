with

cohort as (

    select * from {{ ref('int_scorecard__school_age_children') }}

    where period_start_date <= {{ dbt.dateadd('month', -6, 'month_end') }}

),

personal_education_plans as (

    select * from {{ ref('stg_education__personal_education_plans') }}

),

with_recent_plans as (

    select
        cohort.month_end,
        cohort.child_id,
        count(personal_education_plans.pep_date) as plans_in_6_months

    from cohort

    left join personal_education_plans
        on cohort.la_code = personal_education_plans.la_code
        and cohort.upn = personal_education_plans.upn
        and personal_education_plans.pep_date <= cohort.month_end
        and personal_education_plans.pep_date > {{ dbt.dateadd('month', -6, 'cohort.month_end') }}

    group by cohort.month_end, cohort.child_id

),

{{ scorecard_indicator_rows('with_recent_plans', in_numerator='plans_in_6_months = 0') }}
