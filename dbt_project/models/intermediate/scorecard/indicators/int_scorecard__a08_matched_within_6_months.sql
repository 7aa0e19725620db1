with

matches_in_year as (

    {{ scorecard_adoption_journeys_in_year(
        'matched_date', recorded=['best_interest_decision_date'], one_per_child=true
    ) }}

),

{{ scorecard_indicator_rows(
    'matches_in_year',
    in_numerator='matched_date <= ' ~ dbt.dateadd('month', 6, 'best_interest_decision_date'),
) }}
