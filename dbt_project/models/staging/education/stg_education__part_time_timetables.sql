with

source as (

    select * from {{ source('education', 'part_time_timetables') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        upn,

        ---------- dates
        start_date,
        end_date,

        ---------- numerics
        hours_per_week,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
