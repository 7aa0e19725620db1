{#- The latest SDQ is the one the 903 OC2 return would carry: when two fall on one day, the one with a score. -#}

with

cohort as (

    select * from {{ ref('int_scorecard__health_cohort') }}

    where age between 5 and 16

),

sdq_assessments as (

    select * from {{ ref('int_ssda903__health_records') }}

    where record_type = 'sdq'

),

latest_sdq as (

    select
        cohort.month_end,
        cohort.child_id,
        sdq_assessments.sdq_score,
        row_number() over (
            partition by cohort.month_end, cohort.child_id
            order by sdq_assessments.record_date desc, case when sdq_assessments.sdq_score is null then 1 else 0 end
        ) as newest_first

    from cohort

    inner join sdq_assessments
        on cohort.la_code = sdq_assessments.la_code
        and cohort.child_id = sdq_assessments.child_id
        and sdq_assessments.record_date between cohort.rolling_12_start and cohort.month_end

),

scored as (

    select * from latest_sdq

    where newest_first = 1
        and sdq_score is not null

),

{{ scorecard_indicator_rows('scored', numerator='sdq_score') }}
