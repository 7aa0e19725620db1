{#-
    Children due a health assessment and whether the health extract holds one for them. A child entering care
    has an initial health assessment within 20 working days, then reviews; so every child looked after for at
    least 28 days should have at least one health assessment (referred, due or completed) dated in their
    current period of care. One row per child looked after at each of the last twelve month ends up to the
    extract date (short breaks left out) who had been in care 28 days or more.
-#}

with

extract_dates as (

    select * from {{ ref('int_quality__extract_dates') }}

),

month_ends as (

    {%- for months_back in range(12) %}
    select {{ dbt.last_day(dbt.dateadd('month', -months_back, 'extract_date'), 'month') }} as month_end
    from extract_dates
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

    where not is_short_breaks

),

assessments as (

    select
        la_code,
        linked_child_id as child_id,
        record_date

    from {{ ref('int_quality__health_record_links') }}

    where entity = 'health_assessments'
        and is_linked

),

due as (

    select
        periods.la_code,
        periods.child_id,
        periods.start_date,
        month_ends.month_end

    from periods

    inner join month_ends
        on periods.start_date <= {{ dbt.dateadd('day', -28, 'month_ends.month_end') }}
        and (periods.end_date is null or periods.end_date > month_ends.month_end)

),

final as (

    select
        due.la_code,
        due.child_id,
        due.month_end,
        due.start_date as period_start_date,
        count(assessments.record_date) > 0 as has_health_assessment

    from due

    left join assessments
        on due.la_code = assessments.la_code
        and due.child_id = assessments.child_id
        and assessments.record_date >= due.start_date

    group by
        due.la_code,
        due.child_id,
        due.month_end,
        due.start_date

)

select * from final
