{#-
    The ONS code of the local authority this warehouse is for (E10000016, the demo's, by default): the var
    `la_code` if given (dbt ... --vars '{la_code: E06000035}'), else the CLA_LA_CODE environment variable
    that the Python side reads too (the pipeline sets it to the authority's, orchestration/transform/assets.py).
    Returns the bare code; quote it in SQL: '{{ la_code() }}'.
-#}
{% macro la_code() -%}
    {{ return(run_setting('CLA_LA_CODE', 'la_code', 'E10000016')) }}
{%- endmacro %}
