{#-
    The join condition for "the same child" in two relations: the same authority and the same case-system
    id. The id alone is not enough, since one warehouse may hold several authorities (the regional hub) and
    their case systems number children independently. Further conditions follow with `and`.

        inner join periods_of_care
            on {{ same_child('reviews', 'periods_of_care') }}
            and reviews.due_date >= periods_of_care.period_start_date
-#}
{% macro same_child(left, right) -%}
    {{ left }}.la_code = {{ right }}.la_code
    and {{ left }}.child_id = {{ right }}.child_id
{%- endmacro %}
