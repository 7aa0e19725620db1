{#- A KS4 result counts when the attainment extract has any KS4 row for the child that year; grade 4 in English
    and maths is its ENG_MATHS_GRADE4 measure at 1 or more. -#}

with

cohort as (

    select * from {{ ref('int_scorecard__education_annual_cohorts') }}

),

ks4_results as (

    select
        la_code,
        upn,
        academic_year,
        max(case when measure = 'ENG_MATHS_GRADE4' and result_value >= 1 then 1 else 0 end) as has_grade_4

    from {{ ref('stg_education__attainment') }}

    where key_stage = 'KS4'

    group by la_code, upn, academic_year

),

with_result as (

    select
        cohort.month_end,
        cohort.child_id,
        ks4_results.has_grade_4

    from cohort

    inner join ks4_results
        on cohort.la_code = ks4_results.la_code
        and cohort.upn = ks4_results.upn
        and cohort.academic_year = ks4_results.academic_year

),

{{ scorecard_indicator_rows('with_result', numerator='has_grade_4') }}
