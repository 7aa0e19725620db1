{{ config(materialized='view') }}

{#-
    E06, annual: of the children looked after continuously for 12 months at the 31 March inside the latest
    academic year to have ended by the month end (DfE's OC2 cohort) with a Key Stage 4 result that year,
    those with grade 4 or above in English and maths (ENG_MATHS_GRADE4), DfE's KS4 headline measure since
    5+ A*-C including English and maths was withdrawn. Linked by UPN.
-#}

with

cohort as (

    select * from {{ ref('int_scorecard__education_annual_cohorts') }}

    where la_code = '{{ la_code() }}'

),

ks4_results as (

    select
        la_code,
        upn,
        academic_year,
        max(case when measure = 'ENG_MATHS_GRADE4' and result_value >= 1 then 1 else 0 end) as has_grade_4

    from {{ ref('stg_education__attainment') }}

    where key_stage = 'KS4'

    group by
        la_code,
        upn,
        academic_year

),

final as (

    select
        cast('E06' as {{ dbt.type_string() }}) as indicator_id,
        cohort.month_end,
        cast(cohort.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(ks4_results.has_grade_4 as double precision) as numerator,
        cast(1 as double precision) as denominator

    from cohort

    inner join ks4_results
        on cohort.la_code = ks4_results.la_code
        and cohort.upn = ks4_results.upn
        and cohort.academic_year = ks4_results.academic_year

)

select * from final
