{#-
    The order (after the date, newest first) that picks one SDQ when a child has two on the same day, so the 903's
    OC2 return and the scorecard's H06 always take the same one: one with a score before one without; of two
    scored, the higher, as a lower score would understate the child's difficulties and flatter the authority (the
    extract carries no time or entry order to say which was recorded last); of two without, the lower reason
    code, only so that the choice never depends on the order rows are read. `records` names the health records.

        order by records.record_date desc, {{ ssda903_same_day_sdq_order('records') }}
-#}
{% macro ssda903_same_day_sdq_order(records) -%}
    case when {{ records }}.sdq_score is null then 1 else 0 end,
    {{ records }}.sdq_score desc,
    {{ records }}.sdq_reason_code
{%- endmacro %}
