{#-
    The date `n` working days after `date_expression` (Monday to Friday; bank holidays are not known), as a
    SQL date expression: the date a "within n working days" deadline falls on. The day itself is day 0, so
    a Friday plus 1 working day is the Monday after. Plain arithmetic on days since Monday 1 January 1900,
    so it runs on any adapter.

        completed_date <= {{ add_working_days('period_start_date', 20) }}
-#}
{% macro add_working_days(date_expression, n) -%}
    {%- set epoch = "cast('1900-01-01' as date)" -%}
    {#- weekdays from the epoch up to and including the day -#}
    {%- set days = dbt.datediff(epoch, date_expression, 'day') -%}
    {%- set weekdays_to_date -%}
        (5 * floor(({{ days }} + 1) / 7) + case when mod({{ days }} + 1, 7) > 5 then 5 else mod({{ days }} + 1, 7) end)
    {%- endset -%}
    {#- the k-th weekday from the epoch (k counted from 1) -#}
    {%- set k = "cast(" ~ weekdays_to_date ~ " + " ~ n ~ " as integer)" -%}
    {%- set days_to_kth_weekday = "cast(7 * floor((" ~ k ~ " - 1) / 5) + mod(" ~ k ~ " - 1, 5) as integer)" %}
    cast({{ dbt.dateadd('day', days_to_kth_weekday, epoch) }} as date)
{%- endmacro %}
