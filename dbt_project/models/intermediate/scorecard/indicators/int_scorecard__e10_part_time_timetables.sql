{{ config(materialized='view') }}

{#-
    E10, monthly, a count: the children looked after at the month end who were on a part-time timetable at
    any time in the month (a period on one starting on or before the month end and not ended before the
    month began). Linked by UPN.
-#}

with

month_ends as (

    select
        month_end,
        month_start

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

part_time_timetables as (

    select
        la_code,
        upn,
        start_date,
        end_date

    from {{ ref('stg_education__part_time_timetables') }}

),

on_part_time_timetable as (

    select distinct
        child_months.month_end,
        child_months.child_id

    from child_months

    inner join month_ends
        on child_months.month_end = month_ends.month_end

    inner join part_time_timetables
        on child_months.la_code = part_time_timetables.la_code
        and child_months.upn = part_time_timetables.upn
        and part_time_timetables.start_date <= child_months.month_end
        and (part_time_timetables.end_date is null or part_time_timetables.end_date >= month_ends.month_start)

),

final as (

    select
        cast('E10' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(1 as double precision) as numerator,
        cast(0 as double precision) as denominator

    from on_part_time_timetable

)

select * from final
