{{ config(materialized='view') }}

{#-
    E14, snapshot at each month end, a count: the children looked after at the month end recorded by the
    Virtual School as not in education at the month end (a period not in education starting on or before it
    and not ended before it). Linked by UPN.
-#}

with

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

not_in_education as (

    select
        la_code,
        upn,
        start_date,
        end_date

    from {{ ref('stg_education__not_in_education') }}

),

out_of_education as (

    select distinct
        child_months.month_end,
        child_months.child_id

    from child_months

    inner join not_in_education
        on child_months.la_code = not_in_education.la_code
        and child_months.upn = not_in_education.upn
        and not_in_education.start_date <= child_months.month_end
        and (not_in_education.end_date is null or not_in_education.end_date >= child_months.month_end)

),

final as (

    select
        cast('E14' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(1 as double precision) as numerator,
        cast(0 as double precision) as denominator

    from out_of_education

)

select * from final
