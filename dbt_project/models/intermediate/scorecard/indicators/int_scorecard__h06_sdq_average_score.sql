{{ config(materialized='view') }}

{#-
    H06, snapshot at each month end: the average SDQ total difficulties score (0-40, lower is better) of the
    children aged 5 to 16 looked after at the month end who had been looked after continuously for 12 months
    and whose latest SDQ in the 12 months to the month end has a score (DfE's SDQ measure, at any month end
    rather than only 31 March). The latest SDQ is the one the 903 OC2 return would carry: when two fall on
    one day, the one with a score. Each child adds their score to the numerator and 1 to the denominator.
-#}

with

cohort as (

    select
        la_code,
        month_end,
        child_id,
        rolling_12_start

    from {{ ref('int_scorecard__health_cohort') }}

    where age between 5 and 16

),

sdq_assessments as (

    select
        la_code,
        child_id,
        record_date,
        sdq_score

    from {{ ref('int_ssda903__health_records') }}

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

final as (

    select
        cast('H06' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(sdq_score as double precision) as numerator,
        cast(1 as double precision) as denominator

    from latest_sdq

    where newest_first = 1
        and sdq_score is not null

)

select * from final
