{#-
    Every named column is filled: one test per model instead of one per column, because each dbt test costs
    about 0.1 s of overhead whatever its size and most of the build's time went on not_null tests. Returns
    the rows with a blank in any of the columns.

        data_tests:
          - not_null_columns:
              arguments:
                columns: [la_code, child_id, start_date]
-#}
{% test not_null_columns(model, columns) %}

select *

from {{ model }}

where {% for column in columns %}{{ column }} is null{% if not loop.last %} or {% endif %}{% endfor %}

{% endtest %}
