{#-
    A double-precision number's type. dbt.type_float() is `float`, which DuckDB reads as a 4-byte REAL and
    PostgreSQL as an 8-byte double, so the same figure would differ in the seventh digit between the two targets.
-#}
{% macro double_type() -%}
    {{ return(adapter.dispatch('double_type')()) }}
{%- endmacro %}

{% macro default__double_type() -%}
    double precision
{%- endmacro %}

{% macro duckdb__double_type() -%}
    double
{%- endmacro %}
