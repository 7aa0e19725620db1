with

source as (

    select * from {{ source('submitted_returns', 'missing') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        collection_year,

        ---------- the Missing columns, named and typed as DfE's layout (schemas/ssda903/layouts.yaml)
        child,
        dob,
        missing,
        mis_start,
        mis_end

    from source

)

select * from renamed
