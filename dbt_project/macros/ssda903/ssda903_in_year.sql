{#-
    DfE's test for a record a 903 table returns in a collection year (an episode, a missing episode, a DoLO,
    a social worker episode, a decision to place for adoption): it started by the year's 31 March and had not
    ended before its 1 April. `years` names the relation holding year_start_date and year_end_date.

        inner join collection_years
            on {{ ssda903_overlaps_year('orders.start_date', 'orders.end_date') }}
-#}
{% macro ssda903_overlaps_year(start_date, end_date, years='collection_years') -%}
    {{ start_date }} <= {{ years }}.year_end_date
    and ({{ end_date }} is null or {{ end_date }} >= {{ years }}.year_start_date)
{%- endmacro %}

{#-
    A record's end date as a year's return gives it: blank while the record was still open at the year's 31
    March (it comes back, ended, in a later year's return).
-#}
{% macro ssda903_end_in_year(end_date, years='collection_years') -%}
    case when {{ end_date }} <= {{ years }}.year_end_date then {{ end_date }} end
{%- endmacro %}

{#-
    For each child and collection year, the latest of a dated row's dates that falls in the year: a select
    over `relation` (with la_code, child_id and `date_column`) joined to the CTE `collection_years`, giving
    la_code, collection_year, child_id and the date as `as_column`.

        left_care as (
            {{ ssda903_latest_in_year('periods', 'end_date', 'left_care_date') }}
        )
-#}
{% macro ssda903_latest_in_year(relation, date_column, as_column) -%}
    select
        {{ relation }}.la_code,
        collection_years.collection_year,
        {{ relation }}.child_id,
        max({{ relation }}.{{ date_column }}) as {{ as_column }}

    from {{ relation }}

    inner join collection_years
        on {{ relation }}.{{ date_column }} between collection_years.year_start_date and collection_years.year_end_date

    group by
        {{ relation }}.la_code,
        collection_years.collection_year,
        {{ relation }}.child_id
{%- endmacro %}
