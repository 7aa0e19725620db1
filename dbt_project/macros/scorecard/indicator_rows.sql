{#-
    The final CTE and select that every indicator model ends with: the scorecard's five columns, typed alike in
    every model so that scorecard__children_counted can union them. One row per subject (a child; a post for
    staffing; another authority's child for C06) counted at a month end.

        {{ scorecard_indicator_rows('fostered', in_numerator='distance_from_home_miles <= 20') }}

    from          the CTE (or ref) with a month_end column and one row per subject and month end
    in_numerator  a condition: the subject adds 1 to the numerator when it holds, else 0
    numerator     instead of in_numerator, what the subject adds to the numerator (days, a caseload, a score,
                  a number of reviews or episodes)
    denominator   what the subject adds to the denominator: 1; 0 for a count, which has none; or a number
    subject       the column that names the subject
    The indicator id comes from the model's name: int_scorecard__p04_foster_within_20_miles is P04.
-#}
{% macro scorecard_indicator_rows(from, in_numerator=none, numerator=none, denominator=1, subject='child_id') -%}
    {%- if (in_numerator is none) == (numerator is none) -%}
        {{ exceptions.raise_compiler_error(
            'scorecard_indicator_rows in ' ~ model.name ~ ': give in_numerator (a condition) or numerator (an amount)'
        ) }}
    {%- endif -%}
    {#- in a unit test, `model` is the test; the model it tests is named in tested_node_unique_id -#}
    {%- set tested_model_name = (model.tested_node_unique_id or model.unique_id).split('.')[-1] -%}
    {%- set numerator = numerator if numerator is not none else 'case when ' ~ in_numerator ~ ' then 1 else 0 end' -%}
final as (

    select
        cast('{{ scorecard_indicator_id(tested_model_name) }}' as {{ dbt.type_string() }}) as indicator_id,
        cast(month_end as date) as month_end,
        cast({{ subject }} as {{ dbt.type_string() }}) as subject_id,
        cast({{ numerator }} as double precision) as numerator,
        cast({{ denominator }} as double precision) as denominator

    from {{ from }}

)

select * from final
{%- endmacro %}
