with

adopted_in_year as (

    {{ scorecard_adoption_journeys_in_year('adopted_date', recorded=['placement_order_date', 'matched_date']) }}

),

{{ scorecard_indicator_rows(
    'adopted_in_year', numerator=dbt.datediff('placement_order_date', 'matched_date', 'day')
) }}
