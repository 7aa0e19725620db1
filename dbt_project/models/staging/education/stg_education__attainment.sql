with

source as (

    select * from {{ source('education', 'attainment') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        upn,

        ---------- codes
        key_stage,
        measure,

        ---------- text
        academic_year,

        ---------- numerics
        cast(result as {{ dbt.type_numeric() }}) as result_value,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
