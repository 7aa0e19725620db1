{#-
    The rows of `relation` (a ref or a CTE) whose `date_column` falls in the window a period type reports at each
    month end, each with that month end; a row falls in the windows of as many month ends as hold it.

        YTD    year to date: 1 April to the month end
        ACYTD  academic year to date: 1 September to the month end
        R12    the rolling 12 months to the month end

    The period types are the indicator catalogue's (seeds/scorecard_indicators.csv); the windows' first days are
    int_scorecard__month_ends's.

        {{ scorecard_rows_in_window(ref('int_scorecard__reviews'), 'due_date', 'YTD') }}
-#}
{% macro scorecard_rows_in_window(relation, date_column, period_type) -%}
    {%- set window_starts = {
        'YTD': 'financial_year_start',
        'ACYTD': 'academic_year_start',
        'R12': 'rolling_12_start',
    } -%}
    {%- if period_type not in window_starts -%}
        {{ exceptions.raise_compiler_error(
            'scorecard_rows_in_window: period_type ' ~ period_type ~ ' is not one of ' ~ (window_starts.keys() | list)
        ) }}
    {%- endif -%}
    select
        month_ends.month_end,
        in_window.*

    from {{ ref('int_scorecard__month_ends') }} as month_ends

    inner join {{ relation }} as in_window
        on in_window.{{ date_column }} between month_ends.{{ window_starts[period_type] }} and month_ends.month_end
{%- endmacro %}

{#-
    One row per child and month end from `relation`: the latest by `order_by` (a column), as the scorecard counts
    a child with two starts, leavings or adoption milestones in one window: once, by the last. Adds the column
    latest_first (1).
-#}
{% macro scorecard_latest_per_child(relation, order_by) -%}
    select * from (

        select
            *,
            row_number() over (partition by month_end, child_id order by {{ order_by }} desc) as latest_first

        from {{ relation }}

    ) as numbered

    where latest_first = 1
{%- endmacro %}

{#-
    True when a record that began on `start_date` and ended on `end_date` (blank while open) was in force at the
    end of `day` (a month end): begun by then and not ended on or before it. A record that ended on the month end
    is over at it, as DfE counts children looked after at 31 March.

        and {{ scorecard_in_force_at('plans.start_date', 'plans.end_date', 'children_in_care.month_end') }}
-#}
{% macro scorecard_in_force_at(start_date, end_date, day) -%}
    {{ start_date }} <= {{ day }}
    and ({{ end_date }} is null or {{ end_date }} > {{ day }})
{%- endmacro %}
