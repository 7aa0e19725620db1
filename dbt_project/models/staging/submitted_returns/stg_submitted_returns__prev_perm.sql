with

source as (

    select * from {{ source('submitted_returns', 'prev_perm') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        collection_year,

        ---------- the PrevPerm columns, named and typed as DfE's layout (schemas/ssda903/layouts.yaml)
        child,
        dob,
        prev_perm,
        la_perm,
        date_perm

    from source

)

select * from renamed
