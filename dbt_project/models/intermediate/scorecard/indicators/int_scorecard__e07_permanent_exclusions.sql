with

permanently_excluded as (

    select * from {{ ref('int_scorecard__exclusions_in_academic_year') }}

    where exclusion_type = 'PERMANENT'

),

{{ scorecard_indicator_rows('permanently_excluded', numerator=1, denominator=0) }}
