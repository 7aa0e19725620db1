{#-
    A setting of this run, as text: the dbt variable `var_name` when given (dbt build --vars '{as_of: 2026-10-31}'),
    else the environment variable `env`, else `default`. Read only while a model runs (`execute`), never while dbt
    parses the project: dbt parses again every file that read an environment variable whose value has changed (a
    variable given with --vars, the whole project), and these settings change a model's SQL, never its config or
    its refs. So the pipeline's new as-of date or another authority costs no parse (tests/test_dbt_invocation.py).
-#}
{% macro run_setting(env, var_name=none, default='') -%}
    {%- if not execute -%}
        {{ return(default) }}
    {%- endif -%}
    {%- set value = env_var(env, default) -%}
    {%- if var_name -%}
        {%- set value = var(var_name, value) -%}
    {%- endif -%}
    {{ return(value | string | trim) }}
{%- endmacro %}
