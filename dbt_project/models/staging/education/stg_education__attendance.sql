with

source as (

    select * from {{ source('education', 'attendance') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        upn,

        ---------- text
        academic_year,
        school_urn,

        ---------- numerics
        sessions_possible,
        sessions_missed,
        sessions_missed_unauthorised,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
