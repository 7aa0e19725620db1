with

source as (

    select * from {{ ref('ltla21_to_utla21') }}

),

renamed as (

    select

        ---------- ids
        ltla21cd as ltla_code,
        utla21cd as utla_code,

        ---------- text
        ltla21nm as ltla_name,
        utla21nm as utla_name

    from source

)

select * from renamed
