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
    True when `day` falls in the collection year, 1 April to 31 March (`years` as above).

        inner join collection_years
            on {{ ssda903_in_year('reviews.review_date') }}
-#}
{% macro ssda903_in_year(day, years='collection_years') -%}
    {{ day }} between {{ years }}.year_start_date and {{ years }}.year_end_date
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
        on {{ ssda903_in_year(relation ~ '.' ~ date_column) }}

    group by
        {{ relation }}.la_code,
        collection_years.collection_year,
        {{ relation }}.child_id
{%- endmacro %}

{#-
    The columns a 903 table's row starts with (Header and Episodes aside, which put others between them): the
    authority, the collection year, CHILD (the case-system child id, as text) and DOB, from `rows` (a CTE with
    la_code, collection_year, child_id and date_of_birth; none when the select reads one relation), or DOB from
    `dob_from` where `rows` has no date of birth.

        select
            {{ ssda903_child_columns('reviews_in_year', dob_from='children') }},
            reviews_in_year.review_date as review,
-#}
{% macro ssda903_child_columns(rows=none, dob_from=none) -%}
    {%- set rows_prefix = rows ~ '.' if rows else '' -%}
    {%- set dob_prefix = (dob_from or rows) ~ '.' if (dob_from or rows) else '' -%}
    {{ rows_prefix }}la_code,
        {{ rows_prefix }}collection_year,
        cast({{ rows_prefix }}child_id as {{ dbt.type_string() }}) as child,
        {{ dob_prefix }}date_of_birth as dob
{%- endmacro %}

{#-
    The from clause of a 903 table that returns the records a child looked after in the year had in force at
    some time in it (ssda903_overlaps_year): int_ssda903__looked_after_in_year as children_in_year, with its
    collection year as collection_years, joined to the child's `records` (a CTE with la_code and child_id)
    whose `start_date` and `end_date` (blank while open) overlap the year. Missing, DoLo, PlacedAdoption.

        select
            {{ ssda903_child_columns('children_in_year') }},
            orders.start_date as dolo_start

        {{ ssda903_from_records_in_year('orders', 'start_date', 'end_date') }}
-#}
{% macro ssda903_from_records_in_year(records, start_date, end_date) -%}
    from {{ ref('int_ssda903__looked_after_in_year') }} as children_in_year

    inner join {{ ref('int_ssda903__collection_years') }} as collection_years
        on children_in_year.collection_year = collection_years.collection_year

    inner join {{ records }}
        on children_in_year.la_code = {{ records }}.la_code
        and children_in_year.child_id = {{ records }}.child_id
        and {{ ssda903_overlaps_year(records ~ '.' ~ start_date, records ~ '.' ~ end_date) }}
{%- endmacro %}
