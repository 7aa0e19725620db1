with

ehc_plans as (

    select * from {{ ref('stg_education__special_educational_needs') }}

    where sen_provision = 'E'

),

with_plan as (

    {{ scorecard_children_in_education_period('ehc_plans') }}

),

{{ scorecard_indicator_rows('with_plan', numerator=1, denominator=0) }}
