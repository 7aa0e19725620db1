with

source as (

    select * from {{ source('health', 'substance_misuse') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,
        nhs_number,

        ---------- dates
        identified_date,

        ---------- flags
        intervention_offered,
        intervention_received,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
