with

source as (

    select * from {{ source('case_system', 'adoptions') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,

        ---------- codes
        adopter_sex as adopter_sex_code,
        adopter_legal_status as adopter_legal_status_code,
        decision_reversed_reason as decision_reversed_reason_code,

        ---------- dates
        best_interest_decision_date,
        placement_order_date,
        matched_date,
        placed_date,
        adoption_order_date,
        decision_reversed_date,

        ---------- numerics
        number_of_adopters,

        ---------- flags
        adopted_by_foster_carer,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
