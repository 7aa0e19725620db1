{#- The authority's missing-from-care episodes (type M): a child away from placement without permission (type A)
    is not missing, and the scorecard's missing indicators leave those episodes out. -#}

with

missing_episodes as (

    select * from {{ ref('stg_case_system__missing_episodes') }}

    where la_code = '{{ la_code() }}'
        and missing_type = 'M'

),

final as (

    select
        la_code,
        child_id,
        start_date,
        end_date,
        return_interview_accepted

    from missing_episodes

)

select * from final
