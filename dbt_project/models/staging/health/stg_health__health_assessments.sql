with

source as (

    select * from {{ source('health', 'health_assessments') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,
        nhs_number,

        ---------- codes
        assessment_type,

        ---------- dates
        referred_date,
        due_date,
        completed_date,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
