with

leavers as (

    select * from {{ ref('int_scorecard__leavers_in_year') }}

),

{{ scorecard_indicator_rows('leavers', in_numerator="reason_ended_code in ('E11', 'E12')") }}
