with

source as (

    select * from {{ source('education', 'exclusions') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        upn,

        ---------- codes
        exclusion_type,

        ---------- dates
        start_date,

        ---------- numerics
        sessions as sessions_excluded,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
