with

not_in_education as (

    select * from {{ ref('stg_education__not_in_education') }}

),

out_of_education as (

    {{ scorecard_children_in_education_period('not_in_education') }}

),

{{ scorecard_indicator_rows('out_of_education', numerator=1, denominator=0) }}
