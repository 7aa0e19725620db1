{#-
    Every data-quality metric by source and month, so trends show: one row per metric, source and month end,
    with the count failing (numerator), the count checked (denominator) and their share (value). Record-level
    metrics count records in the month they relate to; load-level metrics (rows loaded and quarantined, how
    old each source's newest record is) count the last load in each month. The thresholds the checks judge
    these by are in schemas/quality/thresholds.yaml, not here.
-#}

with

care_leaver_status as (

    select
        {{ dbt.concat(["'care_leaver_status_not_known_'", dbt.replace('age_group', "'-'", "'_'")]) }} as metric,
        'case_system' as source,
        month_end,
        sum(case when is_status_known then 0 else 1 end) as numerator,
        count(*) as denominator

    from {{ ref('int_quality__care_leaver_status') }}

    group by 1, 2, 3

),

health_links as (

    select
        'health_records_unlinked' as metric,
        'health' as source,
        month_end,
        sum(case when is_linked then 0 else 1 end) as numerator,
        count(*) as denominator

    from {{ ref('int_quality__health_record_links') }}

    where month_end is not null

    group by 1, 2, 3

),

education_links as (

    select
        'education_records_unlinked' as metric,
        'education' as source,
        month_end,
        sum(case when is_linked then 0 else 1 end) as numerator,
        count(*) as denominator

    from {{ ref('int_quality__education_record_links') }}

    where month_end is not null

    group by 1, 2, 3

),

school_age_education as (

    select
        'school_age_children_without_education_record' as metric,
        'education' as source,
        month_end,
        sum(case when has_education_record then 0 else 1 end) as numerator,
        count(*) as denominator

    from {{ ref('int_quality__school_age_education') }}

    group by 1, 2, 3

),

health_assessments_due as (

    select
        'children_due_health_assessment_without_one' as metric,
        'health' as source,
        month_end,
        sum(case when has_health_assessment then 0 else 1 end) as numerator,
        count(*) as denominator

    from {{ ref('int_quality__health_assessments_due') }}

    group by 1, 2, 3

),

records_after_extract as (

    select
        'dates_after_extract' as metric,
        source,
        month_end,
        sum(case when is_after_extract then 1 else 0 end) as numerator,
        count(*) as denominator

    from {{ ref('int_quality__record_dates') }}

    group by 1, 2, 3

),

implausible_values as (

    select
        {{ dbt.concat(["'implausible_'", 'measure']) }} as metric,
        case when measure in ('age_at_sdq', 'sdq_score') then 'health' else 'case_system' end as source,
        month_end,
        sum(case when is_plausible then 0 else 1 end) as numerator,
        count(*) as denominator

    from {{ ref('int_quality__value_plausibility') }}

    group by 1, 2, 3

),

duplicate_children as (

    select
        'children_recorded_twice' as metric,
        'case_system' as source,
        {{ dbt.last_day('extract_dates.extract_date', 'month') }} as month_end,
        sum(case when duplicates.is_unique then 0 else 1 end) as numerator,
        count(*) as denominator

    from {{ ref('int_quality__duplicate_children') }} as duplicates

    cross join {{ ref('int_quality__extract_dates') }} as extract_dates

    group by 1, 2, 3

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

    select * from care_leaver_status
    union all
    select * from health_links
    union all
    select * from education_links
    union all
    select * from school_age_education
    union all
    select * from health_assessments_due
    union all
    select * from records_after_extract
    union all
    select * from implausible_values
    union all
    select * from duplicate_children
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
