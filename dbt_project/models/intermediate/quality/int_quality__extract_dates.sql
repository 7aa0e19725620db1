{#-
    The date the extracts are as at, and the load date. The extract date is how far the data reaches: the run's
    as-of date the pipeline gives (data_as_of(), from audit.sources), else CLA_EXTRACT_DATE (yyyy-mm-dd), else
    the last day of the month before the load date (CLA_AS_OF, default today). One row, read by the other
    quality models.
-#}

{%- set configured = data_as_of() or run_setting('CLA_EXTRACT_DATE') -%}

select
    '{{ la_code() }}' as la_code,
    {{ load_date() }} as load_date,
    {%- if configured %}
    cast('{{ configured }}' as date) as extract_date
    {%- else %}
    cast({{ dbt.dateadd('day', -1, dbt.date_trunc('month', load_date())) }} as date) as extract_date
    {%- endif %}
