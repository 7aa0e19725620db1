{#-
    What each load brought, kept across loads: audit.extract_files holds only the latest load of each entity,
    so this incremental model adds one row per entity per load date (rows read, loaded and quarantined, and the
    newest date the entity records). A rerun on the same load date replaces that date's rows, so reruns give
    the same history. `dbt build --full-refresh` starts the history again.
-#}

{{
    config(
        materialized='incremental',
        unique_key=['la_code', 'load_date', 'source', 'entity'],
        incremental_strategy='delete+insert',
    )
}}

with

extract_files as (

    select * from {{ source('audit', 'extract_files') }}

    where la_code = '{{ la_code() }}'

),

extract_dates as (

    select * from {{ ref('int_quality__extract_dates') }}

),

newest_dates as (

    select
        la_code,
        source,
        entity,
        max(record_date) as newest_record_date

    from {{ ref('int_quality__record_dates') }}

    where record_date <= (select load_date from extract_dates)

    group by
        la_code,
        source,
        entity

),

loads as (

    select
        la_code,
        source,
        entity,
        count(*) as files,
        sum(rows_read) as rows_read,
        sum(rows_loaded) as rows_loaded,
        sum(rows_quarantined) as rows_quarantined,
        sum(case when file_problem is not null then 1 else 0 end) as files_with_problems

    from extract_files

    group by
        la_code,
        source,
        entity

),

final as (

    select
        loads.la_code,
        extract_dates.load_date,
        extract_dates.extract_date,
        loads.source,
        loads.entity,
        loads.files,
        loads.rows_read,
        loads.rows_loaded,
        loads.rows_quarantined,
        loads.files_with_problems,
        newest_dates.newest_record_date

    from loads

    cross join extract_dates

    left join newest_dates
        on loads.la_code = newest_dates.la_code
        and loads.source = newest_dates.source
        and loads.entity = newest_dates.entity

)

select * from final
