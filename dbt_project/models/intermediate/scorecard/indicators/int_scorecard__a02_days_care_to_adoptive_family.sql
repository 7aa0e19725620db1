{#- For a child adopted by their foster carers the family is the carers, so the days run to the day the child
    moved in with them (int_scorecard__adoption_journeys.moved_in_date), as DfE's adoption scorecard counts. -#}

with

adopted_in_year as (

    {{ scorecard_adoption_journeys_in_year('adopted_date', recorded=['moved_in_date']) }}

),

{{ scorecard_indicator_rows(
    'adopted_in_year', numerator=dbt.datediff('period_start_date', 'moved_in_date', 'day')
) }}
