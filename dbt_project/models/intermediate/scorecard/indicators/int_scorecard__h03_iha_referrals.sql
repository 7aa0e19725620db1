{{ config(materialized='view') }}

{#-
    H03, year to date (1 April to the month end): of the children who became looked after from 1 April to the month
    end (short breaks left out), whose deadline for the referral within 5 working days had come by the month end and
    who were still looked after on it, those referred to health for an initial health assessment within 5 working
    days of becoming looked after. Working days are Monday to Friday (bank holidays are not known).
-#}

with

month_ends as (

    select
        month_end,
        financial_year_start

    from {{ ref('int_scorecard__month_ends') }}

),

initial_health_assessments as (

    select * from {{ ref('int_scorecard__initial_health_assessments') }}

    where la_code = '{{ la_code() }}'

),

due_in_year as (

    select
        month_ends.month_end,
        initial_health_assessments.child_id,
        max(
            case
                when initial_health_assessments.referred_date
                    <= initial_health_assessments.referral_deadline_date then 1
                else 0
            end
        ) as is_on_time

    from month_ends

    inner join initial_health_assessments
        on initial_health_assessments.period_start_date between month_ends.financial_year_start and month_ends.month_end
        and initial_health_assessments.referral_deadline_date <= month_ends.month_end
        and (
            initial_health_assessments.period_end_date is null
            or initial_health_assessments.period_end_date >= initial_health_assessments.referral_deadline_date
        )

    -- a child who became looked after twice in the year counts once: on time if either was
    group by
        month_ends.month_end,
        initial_health_assessments.child_id

),

final as (

    select
        cast('H03' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(is_on_time as double precision) as numerator,
        cast(1 as double precision) as denominator

    from due_in_year

)

select * from final
