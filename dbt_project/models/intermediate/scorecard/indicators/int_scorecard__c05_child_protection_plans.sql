{#- A plan that ended on the month end is not in force at it. -#}

with

children_in_care as (

    select * from {{ ref('int_scorecard__child_months') }}

),

plans as (

    select * from {{ ref('stg_case_system__child_protection_plans') }}

),

with_plan as (

    select distinct
        children_in_care.month_end,
        children_in_care.child_id

    from children_in_care

    inner join plans
        on {{ same_child('children_in_care', 'plans') }}
        and {{ scorecard_in_force_at('plans.start_date', 'plans.end_date', 'children_in_care.month_end') }}

),

{{ scorecard_indicator_rows('with_plan', numerator=1, denominator=0) }}
