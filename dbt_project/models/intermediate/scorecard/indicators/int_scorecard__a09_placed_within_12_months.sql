with

adopted_in_year as (

    {{ scorecard_adoption_journeys_in_year(
        'adopted_date', recorded=['best_interest_decision_date', 'placed_for_adoption_date']
    ) }}

),

{{ scorecard_indicator_rows(
    'adopted_in_year',
    in_numerator='placed_for_adoption_date <= ' ~ dbt.dateadd('month', 12, 'best_interest_decision_date'),
) }}
