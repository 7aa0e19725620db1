with

adopted_in_year as (

    {{ scorecard_adoption_journeys_in_year('adopted_date') }}

),

{{ scorecard_indicator_rows('adopted_in_year', in_numerator='was_5_or_over_when_adopted') }}
