{#-
    The columns together identify a row: returns each combination that occurs more than once, with its
    count. The same as dbt_utils' test of that name, which cannot be installed here (no package downloads).
    Nulls count as equal, as in GROUP BY: two rows that differ only by a blank are duplicates.

        data_tests:
          - unique_combination_of_columns:
              arguments:
                combination_of_columns: [la_code, child_id]
-#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

{%- set key_columns = combination_of_columns | join(', ') %}

with

duplicated_keys as (

    select
        {{ key_columns }},
        count(*) as n_rows

    from {{ model }}

    group by {{ key_columns }}

    having count(*) > 1

)

select * from duplicated_keys

{% endtest %}
