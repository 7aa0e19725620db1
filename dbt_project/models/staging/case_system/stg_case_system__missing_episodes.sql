with

source as (

    select * from {{ source('case_system', 'missing_episodes') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,

        ---------- codes
        missing_type,

        ---------- dates
        start_date,
        end_date,

        ---------- flags
        return_interview_offered,
        return_interview_accepted,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
