with

cohort as (

    select * from {{ ref('int_scorecard__education_annual_cohorts') }}

),

attendance as (

    select * from {{ ref('stg_education__attendance') }}

    where sessions_possible > 0

),

with_attendance as (

    select
        cohort.month_end,
        cohort.child_id,
        attendance.sessions_possible,
        attendance.sessions_missed

    from cohort

    inner join attendance
        on cohort.la_code = attendance.la_code
        and cohort.upn = attendance.upn
        and cohort.academic_year = attendance.academic_year

),

{{ scorecard_indicator_rows('with_attendance', in_numerator='sessions_missed * 10 >= sessions_possible') }}
