with

source as (

    select * from {{ ref('ssda903_codes') }}

),

renamed as (

    select

        ---------- codes
        field as code_list,
        code,

        ---------- text
        description as label,

        ---------- numerics
        first_collection_year,
        last_collection_year

    from source

)

select * from renamed
