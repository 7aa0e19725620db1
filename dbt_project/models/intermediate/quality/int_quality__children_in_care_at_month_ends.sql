{#-
    The children the linkage checks expect the other extracts to know about: one row per child looked after
    at each of the last twelve month ends up to the extract date (short breaks left out) who had by then been
    in care for 28 days or more (time for the initial health assessment, due within 20 working days, and for
    the school to be told), with the start of that period of care.
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

final as (

    select
        periods.la_code,
        periods.child_id,
        month_ends.month_end,
        periods.start_date as period_start_date

    from periods

    inner join month_ends
        on periods.start_date <= {{ dbt.dateadd('day', -28, 'month_ends.month_end') }}
        and (periods.end_date is null or periods.end_date > month_ends.month_end)

)

select * from final
