with

source as (

    select * from {{ source('submitted_returns', 'placed_adoption') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        collection_year,

        ---------- the PlacedAdoption columns, named and typed as DfE's layout (schemas/ssda903/layouts.yaml)
        child,
        dob,
        date_placed,
        date_placed_ceased,
        reason_placed_ceased

    from source

)

select * from renamed
