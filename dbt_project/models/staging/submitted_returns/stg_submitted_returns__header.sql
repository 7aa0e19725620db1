with

source as (

    select * from {{ source('submitted_returns', 'header') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        collection_year,

        ---------- the Header columns, named and typed as DfE's layout (schemas/ssda903/layouts.yaml)
        child,
        sex,
        dob,
        ethnic,
        upn,
        mother,
        mc_dob

    from source

)

select * from renamed
