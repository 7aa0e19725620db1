{#-
    Models and seeds go to the schema named in their config as it is (staging, intermediate,
    marts_ssda903, reference, ...), not to "<target schema>_<custom schema>" as dbt does by default:
    the warehouse has one fixed layout, which the Python assets and the analysts rely on.
    A node with no custom schema goes to the target's schema.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
