{#-
    The date the warehouse is "as of", as a SQL date expression: how far the data reaches. The pipeline sets it
    (data_as_of(), the earliest date the present required sources reach, orchestration/ingest/sources.py);
    without it, the CLA_AS_OF environment variable (yyyy-mm-dd), so that tests and reruns can fix the date;
    otherwise the database's current_date. Decides the scorecard's last month, the last 903 collection year
    (the one holding this date) and which years are still in progress.

        where year_start_date <= {{ as_of_date() }}
-#}
{% macro as_of_date() -%}
    {%- set configured = data_as_of() or run_setting('CLA_AS_OF') -%}
    {%- if configured -%}
        {{ checked_date(configured, 'as_of') }}
    {%- else -%}
        current_date
    {%- endif -%}
{%- endmacro %}

{#- The day the extracts were loaded (CLA_AS_OF, default today): dates after it are in the future. -#}
{% macro load_date() -%}
    {%- set configured = run_setting('CLA_AS_OF') -%}
    {%- if configured -%}
        {{ checked_date(configured, 'CLA_AS_OF') }}
    {%- else -%}
        current_date
    {%- endif -%}
{%- endmacro %}

{#-
    How far the data reaches (yyyy-mm-dd) as this run was given it, '' when it was not: the variable `as_of`
    (dbt build --vars '{as_of: 2026-10-31}', by hand), else CLA_DATA_AS_OF, which the pipeline sets from
    audit.sources (orchestration/transform/assets.py).
-#}
{% macro data_as_of() -%}
    {{ return(run_setting('CLA_DATA_AS_OF', 'as_of')) }}
{%- endmacro %}

{% macro checked_date(configured, name) -%}
    {%- set parsed = modules.re.match('^\d{4}-\d{2}-\d{2}$', configured) -%}
    {%- if not parsed -%}
        {{ exceptions.raise_compiler_error(name ~ " must be a date as yyyy-mm-dd, got '" ~ configured ~ "'") }}
    {%- endif -%}
    {%- set checked = modules.datetime.datetime.strptime(configured, '%Y-%m-%d') -%}
    cast('{{ configured }}' as date)
{%- endmacro %}
