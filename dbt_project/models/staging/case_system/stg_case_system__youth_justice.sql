with

source as (

    select * from {{ source('case_system', 'youth_justice') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,

        ---------- codes
        outcome,

        ---------- dates
        outcome_date,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
