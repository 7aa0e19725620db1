with

cohort as (

    select * from {{ ref('int_scorecard__education_annual_cohorts') }}

    where is_school_age

),

fixed_term_exclusions as (

    select * from {{ ref('stg_education__exclusions') }}

    where exclusion_type = 'FIXED'

),

with_exclusions as (

    select
        cohort.month_end,
        cohort.child_id,
        count(fixed_term_exclusions.start_date) as exclusions_in_year

    from cohort

    left join fixed_term_exclusions
        on cohort.la_code = fixed_term_exclusions.la_code
        and cohort.upn = fixed_term_exclusions.upn
        and fixed_term_exclusions.start_date
            between cohort.academic_year_start_date and cohort.academic_year_end_date

    group by cohort.month_end, cohort.child_id

),

{{ scorecard_indicator_rows('with_exclusions', in_numerator='exclusions_in_year > 0') }}
