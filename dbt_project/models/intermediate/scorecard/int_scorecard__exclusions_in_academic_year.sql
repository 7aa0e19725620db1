{#-
    The children looked after at each month end with an exclusion of each type (PERMANENT, FIXED) starting from 1
    September to the month end: the academic-year-to-date counts E07 and E08. Linked by UPN.
-#}

with

children_with_upn as (

    select * from {{ ref('int_scorecard__children_with_upn') }}

),

exclusions as (

    select
        la_code,
        upn,
        exclusion_type,
        start_date

    from {{ ref('stg_education__exclusions') }}

),

final as (

    select distinct
        children_with_upn.month_end,
        children_with_upn.child_id,
        exclusions.exclusion_type

    from children_with_upn

    inner join exclusions
        on children_with_upn.la_code = exclusions.la_code
        and children_with_upn.upn = exclusions.upn
        and exclusions.start_date between children_with_upn.academic_year_start and children_with_upn.month_end

)

select * from final
