with

source as (

    select * from {{ source('case_system', 'other_la_children') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        placing_la as placing_la_code,
        child_reference,

        ---------- codes
        placement_type as placement_type_code,
        district,

        ---------- dates
        start_date,
        end_date,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
