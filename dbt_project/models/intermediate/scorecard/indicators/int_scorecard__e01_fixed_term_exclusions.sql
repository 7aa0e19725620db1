{{ config(materialized='view') }}

{#-
    E01, annual: of the children of compulsory school age looked after continuously for 12 months at the
    31 March inside the latest academic year to have ended by the month end (DfE's OC2 cohort), those with at
    least one fixed-period exclusion (suspension) starting in that academic year. Education records link to
    the child by UPN.
-#}

with

cohort as (

    select * from {{ ref('int_scorecard__education_annual_cohorts') }}

    where la_code = '{{ la_code() }}'
        and is_school_age

),

exclusions as (

    select
        la_code,
        upn,
        start_date

    from {{ ref('stg_education__exclusions') }}

    where exclusion_type = 'FIXED'

),

excluded as (

    select distinct
        cohort.month_end,
        cohort.child_id

    from cohort

    inner join exclusions
        on cohort.la_code = exclusions.la_code
        and cohort.upn = exclusions.upn
        and exclusions.start_date between cohort.academic_year_start_date and cohort.academic_year_end_date

),

final as (

    select
        cast('E01' as {{ dbt.type_string() }}) as indicator_id,
        cohort.month_end,
        cast(cohort.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(case when excluded.child_id is not null then 1 else 0 end as double precision) as numerator,
        cast(1 as double precision) as denominator

    from cohort

    left join excluded
        on cohort.month_end = excluded.month_end
        and cohort.child_id = excluded.child_id

)

select * from final
