{#-
    The AD1 rows the warehouse derives for each collection year: one row per child adopted in the year
    (period of care ended E11 or E12, int_ssda903__adopted_in_year), with the adoption's milestones and
    adopters from the case system's adoption record: the record whose decision that the child should be
    placed for adoption (DATE_INT) was made by the adoption and was not reversed before it, the latest such
    decision when there are several. A child adopted with no such record is still returned, with the items
    blank, for the 903 validation to report (rule 601).
-#}

with

adopted as (

    select * from {{ ref('int_ssda903__adopted_in_year') }}

),

adoptions as (

    select * from {{ ref('stg_case_system__adoptions') }}

),

adoption_records as (

    select
        adopted.la_code,
        adopted.collection_year,
        adopted.child_id,
        adoptions.best_interest_decision_date,
        adoptions.matched_date,
        adoptions.adopted_by_foster_carer,
        adoptions.number_of_adopters,
        adoptions.adopter_sex_code,
        adoptions.adopter_legal_status_code,
        row_number() over (
            partition by adopted.la_code, adopted.collection_year, adopted.child_id
            order by adoptions.best_interest_decision_date desc
        ) as latest_first

    from adopted

    inner join adoptions
        on {{ same_child('adopted', 'adoptions') }}
        and adoptions.best_interest_decision_date <= adopted.adopted_date
        and (adoptions.decision_reversed_date is null or adoptions.decision_reversed_date > adopted.adopted_date)

),

final as (

    select
        {{ ssda903_child_columns('adopted') }},
        adoption_records.best_interest_decision_date as date_int,
        adoption_records.matched_date as date_match,
        cast(
            case
                when adoption_records.adopted_by_foster_carer then 1
                when not adoption_records.adopted_by_foster_carer then 0
            end as integer
        ) as foster_care,
        cast(adoption_records.number_of_adopters as integer) as nb_adoptr,
        cast(adoption_records.adopter_sex_code as {{ dbt.type_string() }}) as sex_adoptr,
        cast(adoption_records.adopter_legal_status_code as {{ dbt.type_string() }}) as ls_adoptr

    from adopted

    left join adoption_records
        on adopted.la_code = adoption_records.la_code
        and adopted.collection_year = adoption_records.collection_year
        and adopted.child_id = adoption_records.child_id
        and adoption_records.latest_first = 1

)

select * from final
