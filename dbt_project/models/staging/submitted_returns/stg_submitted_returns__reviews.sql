with

source as (

    select * from {{ source('submitted_returns', 'reviews') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        collection_year,

        ---------- the Reviews columns, named and typed as DfE's layout (schemas/ssda903/layouts.yaml)
        child,
        dob,
        review,
        review_code

    from source

)

select * from renamed
