{#-
    The date the warehouse is "as of", as a SQL date expression: the CLA_AS_OF environment variable
    (yyyy-mm-dd) when it is set, so that a rerun on the same extracts gives the same result and tests can fix
    the date; otherwise the database's current_date. Decides the last 903 collection year (the one holding
    this date, int_ssda903__collection_years) and which years are still in progress.

        where year_start_date <= {{ as_of_date() }}
-#}
{% macro as_of_date() -%}
    {%- set configured = env_var('CLA_AS_OF', '') | trim -%}
    {%- if configured -%}
        {%- set parsed = modules.re.match('^\d{4}-\d{2}-\d{2}$', configured) -%}
        {%- if not parsed -%}
            {{ exceptions.raise_compiler_error("CLA_AS_OF must be a date as yyyy-mm-dd, got '" ~ configured ~ "'") }}
        {%- endif -%}
        {%- set checked = modules.datetime.datetime.strptime(configured, '%Y-%m-%d') -%}
        cast('{{ configured }}' as date)
    {%- else -%}
        current_date
    {%- endif -%}
{%- endmacro %}
