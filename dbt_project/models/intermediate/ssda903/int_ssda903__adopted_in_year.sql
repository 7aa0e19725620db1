{#-
    DfE's AD1 cohort: children adopted in the collection year, i.e. whose period of care ended in the year
    with reason E11 (adopted, application unopposed) or E12 (adopted, consent dispensed with). One row per
    child and year, with the adoption date (the day the period of care ended).
-#}

with

collection_years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

    where reason_ended_code in ('E11', 'E12')

),

children as (

    select * from {{ ref('stg_case_system__children') }}

),

adoptions_in_year as (

    {{ ssda903_latest_in_year('periods', 'end_date', 'adopted_date') }}

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
        on {{ same_child('adoptions_in_year', 'children') }}

)

select * from final
