{#-
    The date the extracts are as at, and the load date. Extracts are taken monthly, at the end of a month, so
    the extract date is the last day of the month before the load date (CLA_AS_OF, default today) unless
    CLA_EXTRACT_DATE (yyyy-mm-dd) says otherwise. One row, read by the other quality models.
-#}

{%- set configured = env_var('CLA_EXTRACT_DATE', '') | trim -%}

select
    '{{ la_code() }}' as la_code,
    {{ as_of_date() }} as load_date,
    {%- if configured %}
    cast('{{ configured }}' as date) as extract_date
    {%- else %}
    cast({{ dbt.dateadd('day', -1, dbt.date_trunc('month', as_of_date())) }} as date) as extract_date
    {%- endif %}
