{{ config(materialized='view') }}

{#-
    E08, academic year to date (1 September to the month end), a count: the children looked after at the
    month end with a fixed-period exclusion (suspension) starting from 1 September to the month end. Linked by UPN.
-#}

with

month_ends as (

    select
        month_end,
        academic_year_start

    from {{ ref('int_scorecard__month_ends') }}

),

child_months as (

    select
        la_code,
        month_end,
        child_id,
        upn

    from {{ ref('int_scorecard__child_months') }}

    where la_code = '{{ la_code() }}'
        and upn not in ('UN1', 'UN2', 'UN3', 'UN4', 'UN5')  -- no UPN: nothing links

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
        child_months.month_end,
        child_months.child_id

    from child_months

    inner join month_ends
        on child_months.month_end = month_ends.month_end

    inner join exclusions
        on child_months.la_code = exclusions.la_code
        and child_months.upn = exclusions.upn
        and exclusions.start_date between month_ends.academic_year_start and child_months.month_end

),

final as (

    select
        cast('E08' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(1 as double precision) as numerator,
        cast(0 as double precision) as denominator

    from excluded

)

select * from final
