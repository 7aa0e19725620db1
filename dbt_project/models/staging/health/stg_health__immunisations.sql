with

source as (

    select * from {{ source('health', 'immunisations') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,
        nhs_number,

        ---------- dates
        status_date,

        ---------- flags
        up_to_date as immunisations_up_to_date,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
