with

source as (

    select * from {{ source('case_system', 'legal_statuses') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,

        ---------- codes
        legal_status as legal_status_code,

        ---------- dates
        start_date,
        end_date,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
