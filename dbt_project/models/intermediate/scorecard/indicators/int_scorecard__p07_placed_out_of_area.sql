with

children_in_care as (

    select * from {{ ref('int_scorecard__child_months') }}

),

{{ scorecard_indicator_rows(
    'children_in_care', in_numerator="placement_location = 'OUT' and placement_type_code not in ('U1', 'U2', 'U3', 'P1')"
) }}
