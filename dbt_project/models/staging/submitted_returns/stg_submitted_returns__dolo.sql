with

source as (

    select * from {{ source('submitted_returns', 'dolo') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        collection_year,

        ---------- the DoLo columns, named and typed as DfE's layout (schemas/ssda903/layouts.yaml)
        child,
        dob,
        dolo_start,
        dolo_end

    from source

)

select * from renamed
