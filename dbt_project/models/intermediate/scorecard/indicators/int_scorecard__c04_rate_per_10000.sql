{#- Each child adds 0 to the denominator: the marts divide by the under-18 population instead. -#}

with

children_in_care as (

    select * from {{ ref('int_scorecard__child_months') }}

),

{{ scorecard_indicator_rows('children_in_care', numerator=1, denominator=0) }}
