{#-
    The adoption journeys (int_scorecard__adoption_journeys) whose `milestone`, one of their dates, fell from
    1 April to each month end, with that month end: the year-to-date cohorts of the adoption indicators.

        recorded       other dates a journey must have to count (journeys without them are left out first)
        one_per_child  a child with two such journeys in the year counts once, by the later milestone

        {{ scorecard_adoption_journeys_in_year('matched_date', recorded=['best_interest_decision_date'],
            one_per_child=true) }}
-#}
{% macro scorecard_adoption_journeys_in_year(milestone, recorded=[], one_per_child=false) -%}
    {%- set journeys -%}
        (select * from {{ ref('int_scorecard__adoption_journeys') }}
            {%- for column in recorded %}
            {{ 'where' if loop.first else 'and' }} {{ column }} is not null
            {%- endfor %})
    {%- endset -%}
    {%- set in_year = scorecard_rows_in_window(journeys, milestone, 'YTD') -%}
    {%- if one_per_child -%}
        {{ scorecard_latest_per_child('(' ~ in_year ~ ')', milestone) }}
    {%- else -%}
        {{ in_year }}
    {%- endif -%}
{%- endmacro %}
