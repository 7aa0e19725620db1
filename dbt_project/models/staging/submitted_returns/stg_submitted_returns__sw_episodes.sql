with

source as (

    select * from {{ source('submitted_returns', 'sw_episodes') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        collection_year,

        ---------- the SWEpisodes columns, named and typed as DfE's layout (schemas/ssda903/layouts.yaml)
        child,
        dob,
        sw_id,
        sw_decom,
        sw_dec,
        sw_reason

    from source

)

select * from renamed
