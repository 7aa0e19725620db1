with

source as (

    select * from {{ source('submitted_returns', 'oc3') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        collection_year,

        ---------- the OC3 columns, named and typed as DfE's layout (schemas/ssda903/layouts.yaml)
        child,
        dob,
        in_touch,
        activ,
        accom

    from source

)

select * from renamed
