{#-
    The ONS code of the local authority this warehouse is for (E10000016, the demo's, by default): the var
    `la_code` if given (dbt ... --vars '{la_code: E06000035}'), else the CLA_LA_CODE environment variable
    that the Python side reads too. Returns the bare code; quote it in SQL: '{{ la_code() }}'.
-#}
{% macro la_code() -%}
    {{ return(var('la_code', env_var('CLA_LA_CODE', 'E10000016'))) }}
{%- endmacro %}
