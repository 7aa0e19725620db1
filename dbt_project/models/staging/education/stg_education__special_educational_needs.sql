with

source as (

    select * from {{ source('education', 'special_educational_needs') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        upn,

        ---------- codes
        sen_provision,

        ---------- dates
        start_date,
        end_date,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
