with

cohort as (

    select * from {{ ref('int_scorecard__school_age_children') }}

    where is_looked_after_12_months

),

ehc_plans as (

    select * from {{ ref('stg_education__special_educational_needs') }}

    where sen_provision = 'E'

),

with_plan as (

    {{ scorecard_children_in_education_period('ehc_plans', cohort='cohort') }}

),

judged as (

    select
        cohort.month_end,
        cohort.child_id,
        with_plan.child_id is not null as has_plan

    from cohort

    left join with_plan
        on cohort.month_end = with_plan.month_end
        and cohort.child_id = with_plan.child_id

),

{{ scorecard_indicator_rows('judged', in_numerator='has_plan') }}
