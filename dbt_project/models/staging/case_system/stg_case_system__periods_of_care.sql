with

source as (

    select * from {{ source('case_system', 'periods_of_care') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        child_id,

        ---------- codes
        reason_ended as reason_ended_code,
        category_of_need as category_of_need_code,

        ---------- dates
        start_date,
        end_date,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
