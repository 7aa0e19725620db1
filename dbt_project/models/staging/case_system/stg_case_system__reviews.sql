with

source as (

    select * from {{ source('case_system', 'reviews') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,

        ---------- codes
        participation as participation_code,

        ---------- dates
        due_date,
        review_date,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
