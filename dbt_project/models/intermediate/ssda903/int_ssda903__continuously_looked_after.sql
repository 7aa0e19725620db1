{#-
    DfE's OC2 cohort: children looked after continuously for at least 12 months at 31 March. A child is in
    it when one period of care ran through the whole collection year (started on or before 1 April, still
    open after 31 March) and the child held no short-break legal status (V3, V4) at any time in the year.
    Starting on 1 April itself is exactly 12 months at 31 March, and counts. The validator's definition
    (DfE's 2021-22 validation rules) is the same: no period started after 1 April, none ended in the year,
    no V3/V4 episode in the year.
-#}

with

collection_years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

    where not is_short_breaks

),

legal_statuses as (

    select
        la_code,
        child_id,
        start_date,
        end_date

    from {{ ref('stg_case_system__legal_statuses') }}

    where legal_status_code in ('V3', 'V4')

),

children as (

    select * from {{ ref('stg_case_system__children') }}

),

whole_year_periods as (

    select
        periods.la_code,
        collection_years.collection_year,
        periods.child_id,
        min(periods.start_date) as period_start_date

    from periods

    inner join collection_years
        on periods.start_date <= collection_years.year_start_date
        and (periods.end_date is null or periods.end_date > collection_years.year_end_date)

    group by
        periods.la_code,
        collection_years.collection_year,
        periods.child_id

),

short_breaks_in_year as (

    select distinct
        legal_statuses.la_code,
        collection_years.collection_year,
        legal_statuses.child_id

    from legal_statuses

    inner join collection_years
        on {{ ssda903_overlaps_year('legal_statuses.start_date', 'legal_statuses.end_date') }}

),

final as (

    select
        whole_year_periods.la_code,
        whole_year_periods.collection_year,
        whole_year_periods.child_id,
        children.date_of_birth,
        whole_year_periods.period_start_date

    from whole_year_periods

    left join short_breaks_in_year
        on whole_year_periods.la_code = short_breaks_in_year.la_code
        and whole_year_periods.collection_year = short_breaks_in_year.collection_year
        and whole_year_periods.child_id = short_breaks_in_year.child_id

    left join children
        on {{ same_child('whole_year_periods', 'children') }}

    where short_breaks_in_year.child_id is null

)

select * from final
