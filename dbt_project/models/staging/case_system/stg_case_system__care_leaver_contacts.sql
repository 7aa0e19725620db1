with

source as (

    select * from {{ source('case_system', 'care_leaver_contacts') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,

        ---------- codes
        in_touch as in_touch_code,
        activity as activity_code,
        accommodation as accommodation_code,

        ---------- dates
        birthday,
        contact_date,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
