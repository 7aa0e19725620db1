with

placed_in_year as (

    {{ scorecard_adoption_journeys_in_year('placed_for_adoption_date', one_per_child=true) }}

),

{{ scorecard_indicator_rows(
    'placed_in_year',
    in_numerator='placed_for_adoption_date < ' ~ dbt.dateadd('month', 14, 'period_start_date'),
) }}
