with

source as (

    select * from {{ source('education', 'personal_education_plans') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        upn,

        ---------- codes
        quality as pep_quality,

        ---------- dates
        pep_date,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
