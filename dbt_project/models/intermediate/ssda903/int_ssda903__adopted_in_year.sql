{#-
    DfE's AD1 cohort: children adopted in the collection year, i.e. whose period of care ended in the year
    with reason E11 (adopted, application unopposed) or E12 (adopted, consent dispensed with). One row per
    child and year, with the adoption date (the day the period of care ended).
-#}

with

collection_years as (

    select
        collection_year,
        year_start_date,
        year_end_date

    from {{ ref('int_ssda903__collection_years') }}

),

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

    where reason_ended_code in ('E11', 'E12')

),

children as (

    select
        la_code,
        child_id,
        date_of_birth

    from {{ ref('stg_case_system__children') }}

),

adoptions_in_year as (

    select
        periods.la_code,
        collection_years.collection_year,
        periods.child_id,
        max(periods.end_date) as adopted_date

    from periods

    inner join collection_years
        on periods.end_date between collection_years.year_start_date and collection_years.year_end_date

    group by
        periods.la_code,
        collection_years.collection_year,
        periods.child_id

),

final as (

    select
        adoptions_in_year.la_code,
        adoptions_in_year.collection_year,
        adoptions_in_year.child_id,
        children.date_of_birth,
        adoptions_in_year.adopted_date

    from adoptions_in_year

    left join children
        on adoptions_in_year.la_code = children.la_code
        and adoptions_in_year.child_id = children.child_id

)

select * from final
