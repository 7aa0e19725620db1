{#-
    A whole indicator model: of the children looked after at the month end in foster care, not UASC, whose
    placement distance is known, those placed `miles` or less from home (P04, P05). A child without both postcodes
    has no distance (int_ssda903__placement_locations) and is left out rather than counted as far away.
-#}
{% macro scorecard_fostered_within_miles(miles) -%}
with

fostered as (

    select * from {{ ref('int_scorecard__child_months') }}

    where placement_type = 'foster'
        and not is_uasc
        and distance_from_home_miles is not null

),

{{ scorecard_indicator_rows('fostered', in_numerator='distance_from_home_miles <= ' ~ miles) }}
{%- endmacro %}
