{#- The authority's social work posts at each month end the scorecard reports, from the optional workforce extract
    (no rows without it): the staffing indicators' subjects, and the months they have figures for. -#}

with

month_ends as (

    select month_end from {{ ref('int_scorecard__month_ends') }}

),

posts as (

    select * from {{ ref('stg_workforce__social_work_posts') }}

    where la_code = '{{ la_code() }}'

),

final as (

    select

        ---------- ids
        posts.la_code,
        month_ends.month_end,
        posts.post_id,

        ---------- the post
        posts.team,
        posts.role,
        posts.caseload,

        ---------- flags
        posts.role in ('SOCIAL_WORKER', 'SENIOR_PRACTITIONER') as is_case_holding,
        posts.is_filled,
        posts.is_agency,
        posts.is_qualified

    from month_ends

    inner join posts
        on posts.month_end_date = month_ends.month_end

)

select * from final
