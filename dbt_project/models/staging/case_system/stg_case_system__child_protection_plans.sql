with

source as (

    select * from {{ source('case_system', 'child_protection_plans') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,

        ---------- codes
        category as abuse_category,

        ---------- dates
        start_date,
        end_date,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
