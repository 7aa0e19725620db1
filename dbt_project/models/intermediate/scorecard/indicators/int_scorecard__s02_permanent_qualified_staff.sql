{{ config(materialized='view') }}

{#- S02, snapshot: of the case-holding posts (social workers and senior practitioners) in the establishment at
    the month end, filled or vacant, those filled by a qualified social worker who is the authority's own
    (not agency) staff. From the optional workforce extract. The subject is the post. -#}

with

month_ends as (

    select month_end from {{ ref('int_scorecard__month_ends') }}

),

posts as (

    select post_id, month_end_date, is_filled, is_agency, is_qualified

    from {{ ref('stg_workforce__social_work_posts') }}

    where la_code = '{{ la_code() }}'
        and role in ('SOCIAL_WORKER', 'SENIOR_PRACTITIONER')

),

final as (

    select
        cast('S02' as {{ dbt.type_string() }}) as indicator_id,
        month_ends.month_end,
        cast(posts.post_id as {{ dbt.type_string() }}) as subject_id,
        cast(
            case when posts.is_filled and posts.is_qualified and not coalesce(posts.is_agency, false) then 1 else 0 end
            as double precision
        ) as numerator,
        cast(1 as double precision) as denominator

    from month_ends

    inner join posts
        on posts.month_end_date = month_ends.month_end

)

select * from final
