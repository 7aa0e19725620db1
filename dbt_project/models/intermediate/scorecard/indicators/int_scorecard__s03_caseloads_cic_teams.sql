{{ config(materialized='view') }}

{#- S03, snapshot average: the caseloads of the filled case-holding posts (social workers and senior
    practitioners) in the area children in care teams (NORTH, SOUTH, EAST, WEST: the district teams, not the
    disability, UASC or care leavers teams) at the month end. Numerator the post's caseload, denominator 1.
    From the optional workforce extract. The subject is the post. -#}

with

month_ends as (

    select month_end from {{ ref('int_scorecard__month_ends') }}

),

posts as (

    select post_id, month_end_date, caseload

    from {{ ref('stg_workforce__social_work_posts') }}

    where la_code = '{{ la_code() }}'
        and role in ('SOCIAL_WORKER', 'SENIOR_PRACTITIONER')
        and team in ('NORTH', 'SOUTH', 'EAST', 'WEST')
        and is_filled
        and caseload is not null

),

final as (

    select
        cast('S03' as {{ dbt.type_string() }}) as indicator_id,
        month_ends.month_end,
        cast(posts.post_id as {{ dbt.type_string() }}) as subject_id,
        cast(posts.caseload as double precision) as numerator,
        cast(1 as double precision) as denominator

    from month_ends

    inner join posts
        on posts.month_end_date = month_ends.month_end

)

select * from final
