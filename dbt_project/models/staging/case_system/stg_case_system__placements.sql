with

source as (

    select * from {{ source('case_system', 'placements') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        placement_id,
        child_id,
        carer_id,

        ---------- codes
        placement_type as placement_type_code,
        provider as placement_provider_code,
        reason_for_change as reason_for_change_code,

        ---------- text
        placement_postcode,
        home_postcode,
        urn as ofsted_urn,

        ---------- dates
        start_date,
        end_date,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
