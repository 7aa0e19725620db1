with

source as (

    select * from {{ source('case_system', 'deprivation_of_liberty_orders') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,

        ---------- dates
        start_date,
        end_date,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
