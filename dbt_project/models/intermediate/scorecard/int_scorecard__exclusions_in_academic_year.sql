{#-
    The children looked after at each month end with an exclusion of each type (PERMANENT, FIXED) starting from 1
    September to the month end: the academic-year-to-date counts E07 and E08. Linked by UPN.
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
        exclusion_type,
        start_date

    from {{ ref('stg_education__exclusions') }}

),

excluded as (

    select distinct
        child_months.month_end,
        child_months.child_id,
        exclusions.exclusion_type

    from child_months

    inner join month_ends
        on child_months.month_end = month_ends.month_end

    inner join exclusions
        on child_months.la_code = exclusions.la_code
        and child_months.upn = exclusions.upn
        and exclusions.start_date between month_ends.academic_year_start and child_months.month_end

)

select * from excluded
