{#-
    The children of `cohort` (default int_scorecard__children_with_upn: looked after at the month end, with a UPN)
    whose UPN links a period in a Virtual School extract that was in force at the month end: begun on or before
    it and not ended before `in_force_from` (the month end; 'month_start' for any time in the month). `periods` is a
    CTE or ref with la_code, upn, start_date and end_date (blank while open). One row per child and month end.
    E10, E11, E12, E14.
-#}
{% macro scorecard_children_in_education_period(periods, cohort=none, in_force_from='month_end') -%}
    select distinct
        cohort.month_end,
        cohort.child_id

    from {{ cohort or ref('int_scorecard__children_with_upn') }} as cohort

    inner join {{ periods }} as periods
        on cohort.la_code = periods.la_code
        and cohort.upn = periods.upn
        and periods.start_date <= cohort.month_end
        and (periods.end_date is null or periods.end_date >= cohort.{{ in_force_from }})
{%- endmacro %}

{#-
    True when a child was of compulsory school age in the academic year starting on `academic_year_start` (1
    September): aged 5 to 15 on the 31 August before it (national curriculum Years 1 to 11, as the school
    census counts age). `birthdays` is int_ssda903__child_birthdays (a CTE of it with birthday_5, birthday_16).
-#}
{% macro scorecard_is_school_age(birthdays, academic_year_start) -%}
    {{ birthdays }}.birthday_5 < {{ academic_year_start }}
    and {{ birthdays }}.birthday_16 >= {{ academic_year_start }}
{%- endmacro %}

{#- The name of the academic year that starts in `start_year` (an integer expression): 2025 -> '2025/26', as the
    Virtual School's extracts name it. -#}
{% macro scorecard_academic_year_name(start_year) -%}
    {{ dbt.concat([
        dbt.cast(start_year, dbt.type_string()),
        "'/'",
        dbt.right(dbt.cast(start_year ~ ' + 1', dbt.type_string()), '2'),
    ]) }}
{%- endmacro %}
