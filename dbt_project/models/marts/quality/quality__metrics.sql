{#-
    Every data-quality metric by source and month, so trends show: one row per metric, source and month end,
    with the count failing (numerator), the count checked (denominator) and their share (value). Record-level
    metrics count records in the month they relate to; load-level metrics (rows loaded and quarantined, how
    old each source's newest record is) count the last load in each month. The thresholds the checks judge
    these by are in schemas/quality/thresholds.yaml, not here.
-#}

{#- The record-level metrics: each counts, by month, the records of an intermediate quality model that fail
    its test (`passes` false or unknown) among all it holds. -#}
{%- set record_metrics = [
    {
        'metric': dbt.concat(["'care_leaver_status_not_known_'", dbt.replace('age_group', "'-'", "'_'")]),
        'source': "'case_system'",
        'records': 'care_leaver_status',
        'passes': 'is_status_known',
    },
    {
        'metric': "'health_records_unlinked'",
        'source': "'health'",
        'records': 'health_record_links',
        'passes': 'is_linked',
    },
    {
        'metric': "'education_records_unlinked'",
        'source': "'education'",
        'records': 'education_record_links',
        'passes': 'is_linked',
    },
    {
        'metric': "'school_age_children_without_education_record'",
        'source': "'education'",
        'records': 'school_age_education',
        'passes': 'has_education_record',
    },
    {
        'metric': "'children_due_health_assessment_without_one'",
        'source': "'health'",
        'records': 'health_assessments_due',
        'passes': 'has_health_assessment',
    },
    {
        'metric': "'dates_after_extract'",
        'source': 'source',
        'records': 'record_dates',
        'passes': 'not is_after_extract',
    },
    {
        'metric': dbt.concat(["'implausible_'", 'measure']),
        'source': "case when measure in ('age_at_sdq', 'sdq_score') then 'health' else 'case_system' end",
        'records': 'value_plausibility',
        'passes': 'is_plausible',
    },
    {
        'metric': "'children_recorded_twice'",
        'source': "'case_system'",
        'records': 'duplicate_children',
        'passes': 'is_unique',
    },
] -%}

with

care_leaver_status as (

    select * from {{ ref('int_quality__care_leaver_status') }}

),

health_record_links as (

    select * from {{ ref('int_quality__health_record_links') }}

    where month_end is not null

),

education_record_links as (

    select * from {{ ref('int_quality__education_record_links') }}

    where month_end is not null

),

school_age_education as (

    select * from {{ ref('int_quality__school_age_education') }}

),

health_assessments_due as (

    select * from {{ ref('int_quality__health_assessments_due') }}

),

record_dates as (

    select * from {{ ref('int_quality__record_dates') }}

),

value_plausibility as (

    select * from {{ ref('int_quality__value_plausibility') }}

),

-- Children recorded twice are counted in the month of the extract.
duplicate_children as (

    select
        duplicates.*,
        {{ dbt.last_day('extract_dates.extract_date', 'month') }} as month_end

    from {{ ref('int_quality__duplicate_children') }} as duplicates

    cross join {{ ref('int_quality__extract_dates') }} as extract_dates

),

record_metrics as (

    {%- for record_metric in record_metrics %}
    select
        {{ record_metric.metric }} as metric,
        {{ record_metric.source }} as source,
        month_end,
        sum(case when {{ record_metric.passes }} then 0 else 1 end) as numerator,
        count(*) as denominator

    from {{ record_metric.records }}

    group by 1, 2, 3
    {%- if not loop.last %}

    union all
    {% endif -%}
    {%- endfor %}

),

last_load_in_month as (

    select
        {{ dbt.last_day('load_date', 'month') }} as month_end,
        max(load_date) as load_date

    from {{ ref('int_quality__load_history') }}

    group by 1

),

loads as (

    select
        history.*,
        last_load_in_month.month_end

    from {{ ref('int_quality__load_history') }} as history

    inner join last_load_in_month
        on history.load_date = last_load_in_month.load_date

),

rows_quarantined as (

    select
        'rows_quarantined' as metric,
        source,
        month_end,
        sum(rows_quarantined) as numerator,
        sum(rows_read) as denominator

    from loads

    group by 1, 2, 3

),

rows_loaded as (

    select
        'rows_loaded' as metric,
        source,
        month_end,
        sum(rows_loaded) as numerator,
        cast(null as {{ dbt.type_bigint() }}) as denominator

    from loads

    group by 1, 2, 3

),

extract_age as (

    select
        'days_from_newest_record_to_extract_date' as metric,
        source,
        month_end,
        min({{ dbt.datediff('newest_record_date', 'extract_date', 'day') }}) as numerator,
        cast(null as {{ dbt.type_bigint() }}) as denominator

    from loads

    where newest_record_date is not null

    group by 1, 2, 3

),

metrics as (

    select * from record_metrics
    union all
    select * from rows_quarantined
    union all
    select * from rows_loaded
    union all
    select * from extract_age

),

final as (

    select
        '{{ la_code() }}' as la_code,
        metric,
        source,
        month_end,
        cast(numerator as {{ dbt.type_bigint() }}) as numerator,
        cast(denominator as {{ dbt.type_bigint() }}) as denominator,
        case
            when denominator is null then cast(numerator as {{ dbt.type_float() }})
            when denominator > 0 then cast(numerator as {{ dbt.type_float() }}) / denominator
        end as value

    from metrics

)

select * from final
