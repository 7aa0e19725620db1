{#-
    A condition every row must meet, written in portable SQL; returns the rows where it is false (rows where
    it evaluates to null pass, as in a WHERE clause). The same as dbt_utils' test of that name.

        data_tests:
          - expression_is_true:
              arguments:
                expression: child_id is not null or nhs_number is not null
-#}
{% test expression_is_true(model, expression) %}

select *

from {{ model }}

where not ({{ expression }})

{% endtest %}
