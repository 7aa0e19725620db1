with

source as (

    select * from {{ source('submitted_returns', 'ad1') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        collection_year,

        ---------- the AD1 columns, named and typed as DfE's layout (schemas/ssda903/layouts.yaml)
        child,
        dob,
        date_int,
        date_match,
        foster_care,
        nb_adoptr,
        sex_adoptr,
        ls_adoptr

    from source

)

select * from renamed
