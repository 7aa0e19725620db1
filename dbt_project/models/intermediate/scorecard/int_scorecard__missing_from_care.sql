{#- The authority's missing-from-care episodes (type M): a child away from placement without permission (type A)
    is not missing, and the scorecard's missing indicators leave those episodes out. As in the 903's Missing
    table, only an episode that began while the child was looked after is missing from care: the case system
    also records children missing before they came into care or after they left. -#}

with

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

),

missing_episodes as (

    select * from {{ ref('stg_case_system__missing_episodes') }}

    where la_code = '{{ la_code() }}'
        and missing_type = 'M'

),

missing_from_care as (

    select * from missing_episodes

    where {{ ssda903_looked_after_on('missing_episodes', 'missing_episodes.start_date') }}

),

final as (

    select
        la_code,
        child_id,
        start_date,
        end_date,
        return_interview_accepted

    from missing_from_care

)

select * from final
