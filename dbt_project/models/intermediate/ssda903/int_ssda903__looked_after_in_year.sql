{#-
    The children in each collection year's return: every child looked after at any time from 1 April to
    31 March (a period of care starting on or before the year's last day and ending on or after its first),
    with what the other 903 tables need to know about their year.
-#}

with

collection_years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

),

children as (

    select * from {{ ref('stg_case_system__children') }}

),

periods_in_year as (

    select
        periods.la_code,
        collection_years.collection_year,
        periods.child_id,
        periods.is_short_breaks,
        periods.start_date >= collection_years.year_start_date as starts_in_year,
        periods.end_date is null or periods.end_date > collection_years.year_end_date as is_open_at_year_end

    from periods

    inner join collection_years
        on {{ ssda903_overlaps_year('periods.start_date', 'periods.end_date') }}

),

children_in_year as (

    select
        la_code,
        collection_year,
        child_id,
        max(case when is_open_at_year_end then 1 else 0 end) = 1 as is_looked_after_at_year_end,
        max(case when starts_in_year then 1 else 0 end) = 1 as started_care_in_year,
        max(case when is_short_breaks then 0 else 1 end) = 1 as has_care_other_than_short_breaks

    from periods_in_year

    group by
        la_code,
        collection_year,
        child_id

),

final as (

    select
        children_in_year.la_code,
        children_in_year.collection_year,
        children_in_year.child_id,
        children.date_of_birth,
        children_in_year.is_looked_after_at_year_end,
        children_in_year.started_care_in_year,
        children_in_year.has_care_other_than_short_breaks

    from children_in_year

    left join children
        on {{ same_child('children_in_year', 'children') }}

)

select * from final
