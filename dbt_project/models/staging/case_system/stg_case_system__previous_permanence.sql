with

source as (

    select * from {{ source('case_system', 'previous_permanence') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,
        order_la as order_la_code,

        ---------- codes
        previous_permanence as previous_permanence_code,

        ---------- text
        order_date as order_date_text,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
