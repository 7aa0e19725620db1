with

source as (

    select * from {{ source('workforce', 'social_work_posts') }}

),

renamed as (

    select

        ---------- ids
        la_code,
        post_id,
        social_worker_id,

        ---------- codes
        team,
        role,

        ---------- dates
        month_end as month_end_date,

        ---------- numerics
        caseload,

        ---------- flags
        filled as is_filled,
        agency as is_agency,
        qualified as is_qualified,

        ---------- lineage: the extract file and row this came from
        source_file,
        source_row

    from source

)

select * from renamed
