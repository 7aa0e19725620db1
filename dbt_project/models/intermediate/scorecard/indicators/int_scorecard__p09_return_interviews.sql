{{ config(materialized='view') }}

{#- P09, rolling 12 months count: missing-from-care episodes (type M) that ended in the 12 months to the month
    end and after which a return interview was offered and accepted. The extract records whether the interview
    was accepted, not when it was held, so "within 72 hours" cannot be checked. The subject is the child; the
    numerator is their number of such episodes. -#}

with

month_ends as (

    select month_end, rolling_12_start from {{ ref('int_scorecard__month_ends') }}

),

missing as (

    select child_id, end_date

    from {{ ref('stg_case_system__missing_episodes') }}

    where la_code = '{{ la_code() }}'
        and missing_type = 'M'
        and return_interview_accepted

),

final as (

    select
        cast('P09' as {{ dbt.type_string() }}) as indicator_id,
        month_ends.month_end,
        cast(missing.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(count(*) as double precision) as numerator,
        cast(0 as double precision) as denominator

    from month_ends

    inner join missing
        on missing.end_date between month_ends.rolling_12_start and month_ends.month_end

    group by month_ends.month_end, missing.child_id

)

select * from final
