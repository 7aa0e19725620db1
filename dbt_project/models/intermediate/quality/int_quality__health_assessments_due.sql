{#-
    Children due a health assessment and whether the health extract holds one for them. A child entering care
    has an initial health assessment within 20 working days, then reviews; so every child looked after for at
    least 28 days should have at least one health assessment (referred, due or completed) dated in their
    current period of care. One row per child in int_quality__children_in_care_at_month_ends (looked after
    at each of the last twelve month ends, short breaks left out, in care 28 days or more).
-#}

with

in_care as (

    select * from {{ ref('int_quality__children_in_care_at_month_ends') }}

),

assessments as (

    select * from {{ ref('int_quality__health_record_links') }}

    where entity = 'health_assessments'
        and is_linked

),

final as (

    select
        in_care.la_code,
        in_care.child_id,
        in_care.month_end,
        in_care.period_start_date,
        count(assessments.record_date) > 0 as has_health_assessment

    from in_care

    left join assessments
        on in_care.la_code = assessments.la_code
        and in_care.child_id = assessments.linked_child_id
        and assessments.record_date >= in_care.period_start_date

    group by
        in_care.la_code,
        in_care.child_id,
        in_care.month_end,
        in_care.period_start_date

)

select * from final
