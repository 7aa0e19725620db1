with

source as (

    select * from {{ source('submitted_returns', 'oc2') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        collection_year,

        ---------- the OC2 columns, named and typed as DfE's layout (schemas/ssda903/layouts.yaml)
        child,
        dob,
        sdq_score,
        sdq_reason,
        convicted,
        health_check,
        immunisations,
        teeth_check,
        health_assessment,
        substance_misuse,
        intervention_received,
        intervention_offered

    from source

)

select * from renamed
