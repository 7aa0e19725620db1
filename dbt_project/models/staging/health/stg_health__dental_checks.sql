with

source as (

    select * from {{ source('health', 'dental_checks') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,
        nhs_number,

        ---------- dates
        check_date,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
