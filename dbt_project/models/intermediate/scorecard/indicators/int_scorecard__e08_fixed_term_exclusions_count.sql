with

excluded_for_a_fixed_term as (

    select * from {{ ref('int_scorecard__exclusions_in_academic_year') }}

    where exclusion_type = 'FIXED'

),

{{ scorecard_indicator_rows('excluded_for_a_fixed_term', numerator=1, denominator=0) }}
