with

source as (

    select * from {{ source('reference', 'postcodes') }}

),

renamed as (

    select

        ---------- ids
        postcode,
        lad_code as ltla_code,

        ---------- numerics
        easting,
        northing

    from source

)

select * from renamed
