{{ config(materialized='view') }}

{#-
    E02, annual: of the children looked after continuously for 12 months at the 31 March inside the latest
    academic year to have ended by the month end (DfE's OC2 cohort) who have an attendance record for that
    academic year with sessions possible, those persistently absent: missing 10% or more of possible
    sessions, DfE's threshold since 2015/16 (the 2015 scorecard's 15% was the threshold before). Linked by UPN.
-#}

with

cohort as (

    select * from {{ ref('int_scorecard__education_annual_cohorts') }}

    where la_code = '{{ la_code() }}'

),

attendance as (

    select
        la_code,
        upn,
        academic_year,
        sessions_possible,
        sessions_missed

    from {{ ref('stg_education__attendance') }}

    where sessions_possible > 0

),

final as (

    select
        cast('E02' as {{ dbt.type_string() }}) as indicator_id,
        cohort.month_end,
        cast(cohort.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(
            case when attendance.sessions_missed * 10 >= attendance.sessions_possible then 1 else 0 end
            as double precision
        ) as numerator,
        cast(1 as double precision) as denominator

    from cohort

    inner join attendance
        on cohort.la_code = attendance.la_code
        and cohort.upn = attendance.upn
        and cohort.academic_year = attendance.academic_year

)

select * from final
