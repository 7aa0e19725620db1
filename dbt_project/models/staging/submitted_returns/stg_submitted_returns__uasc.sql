with

source as (

    select * from {{ source('submitted_returns', 'uasc') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        collection_year,

        ---------- the UASC columns, named and typed as DfE's layout (schemas/ssda903/layouts.yaml)
        child,
        sex,
        dob,
        duc

    from source

)

select * from renamed
