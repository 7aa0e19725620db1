with

placement_orders_in_year as (

    {{ scorecard_adoption_journeys_in_year(
        'placement_order_date', recorded=['best_interest_decision_date'], one_per_child=true
    ) }}

),

{{ scorecard_indicator_rows(
    'placement_orders_in_year',
    numerator=dbt.datediff('best_interest_decision_date', 'placement_order_date', 'day'),
) }}
