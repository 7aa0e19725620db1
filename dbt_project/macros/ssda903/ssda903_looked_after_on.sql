{#-
    True when the child of a row (`records`, a relation with la_code and child_id) was looked after on the
    row's `on_date`: a period of care in `periods` (int_ssda903__looked_after_periods, or a selection of it)
    had started by that day and had not ended before it.

        where {{ ssda903_looked_after_on('reviews', 'reviews.review_date') }}
-#}
{% macro ssda903_looked_after_on(records, on_date, periods='periods') -%}
    exists (
        select 1
        from {{ periods }}
        where {{ periods }}.la_code = {{ records }}.la_code
            and {{ periods }}.child_id = {{ records }}.child_id
            and {{ periods }}.start_date <= {{ on_date }}
            and ({{ periods }}.end_date is null or {{ periods }}.end_date >= {{ on_date }})
    )
{%- endmacro %}
