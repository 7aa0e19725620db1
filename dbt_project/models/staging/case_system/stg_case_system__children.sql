with

source as (

    select * from {{ source('case_system', 'children') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,
        upn,
        nhs_number,

        ---------- codes
        sex,
        ethnicity as ethnicity_code,
        district,
        team,

        ---------- dates
        date_of_birth,
        uasc_ceased_date,
        first_child_date_of_birth,

        ---------- flags
        disability as has_disability,
        uasc as is_uasc,
        is_mother,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
