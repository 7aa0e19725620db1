with

source as (

    select * from {{ source('health', 'sdq_assessments') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,
        nhs_number,

        ---------- codes
        reason_no_score as reason_no_score_code,

        ---------- dates
        assessment_date,

        ---------- numerics
        score as sdq_score,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
