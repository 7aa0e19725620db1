{#- Who is counted: every indicator model's rows in one table, so that any figure on the scorecard leads to the
    children (or, for staffing, the posts; for C06, other authorities' references) behind it. Each row gets
    the characteristics the scorecard breaks figures down by, at the month end: from the child-month spine
    for a child looked after then, else from the child's record (care leavers, children who have left); the
    team of the post for staffing. The list of indicator models is macros/scorecard.sql
    scorecard_indicator_models() (static refs, so lineage is right); the build fails if it misses a model in
    intermediate/scorecard/indicators/. -#}

{{ check_scorecard_indicator_models() }}

with

counted as (

    {% for model_name in scorecard_indicator_models() %}
    select indicator_id, month_end, subject_id, numerator, denominator from {{ ref(model_name) }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

indicators as (

    select indicator_id, source from {{ ref('scorecard_indicators') }}

),

child_months as (

    select * from {{ ref('int_scorecard__child_months') }}

),

children as (

    select
        child_id,
        date_of_birth,
        sex,
        district,
        team,
        coalesce(is_uasc, false) as was_ever_uasc,
        {{ scorecard_ethnicity_group('ethnicity_code') }} as ethnicity_group

    from {{ ref('stg_case_system__children') }}

    where la_code = '{{ la_code() }}'

),

posts as (

    select post_id, month_end, team

    from {{ ref('int_scorecard__social_work_posts') }}

),

classified as (

    select
        counted.*,
        coalesce(indicators.source, '') = 'workforce' as is_post,
        counted.indicator_id = 'C06' as is_other_la_child

    from counted

    left join indicators
        on counted.indicator_id = indicators.indicator_id

),

described as (

    select

        classified.indicator_id,
        classified.month_end,
        classified.subject_id,
        classified.numerator,
        classified.denominator,
        -- in care at the month end: UASC then; otherwise (care leavers, leavers) ever UASC, as DfE reports
        -- former UASC care leavers apart
        case
            when child_months.child_id is not null then child_months.is_uasc
            when children.child_id is not null then children.was_ever_uasc
        end as is_uasc,
        case
            when child_months.child_id is not null then child_months.age_band
            when children.child_id is not null
                then {{ scorecard_age_band(completed_years('children.date_of_birth', 'classified.month_end')) }}
        end as age_band,
        children.sex,
        children.ethnicity_group,
        children.district,
        coalesce(posts.team, children.team) as team,
        child_months.placement_type

    from classified

    left join child_months
        on not classified.is_post
        and classified.month_end = child_months.month_end
        and classified.subject_id = child_months.child_id

    left join children
        on not classified.is_post
        and not classified.is_other_la_child
        and classified.subject_id = children.child_id

    left join posts
        on classified.is_post
        and classified.month_end = posts.month_end
        and classified.subject_id = posts.post_id

),

final as (

    select

        cast('{{ la_code() }}' as {{ dbt.type_string() }}) as la_code,
        indicator_id,
        month_end,
        subject_id as child_id,
        numerator > 0 as in_numerator,
        denominator > 0 as in_denominator,
        numerator,
        denominator,
        is_uasc,
        age_band,
        sex,
        ethnicity_group,
        district,
        team,
        placement_type

    from described

)

select * from final
