with

source as (

    select * from {{ source('submitted_returns', 'episodes') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        collection_year,

        ---------- the Episodes columns, named and typed as DfE's layout (schemas/ssda903/layouts.yaml)
        child,
        decom,
        rne,
        ls,
        cin,
        place,
        place_provider,
        dec,
        rec,
        reason_place_change,
        home_post,
        pl_post,
        urn,
        pl_distance,
        pl_la,
        pl_location

    from source

)

select * from renamed
