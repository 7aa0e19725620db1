{{ config(materialized='view') }}

{#- C07, year to date: of the children who started a period of care from 1 April to the month end, those whose
    previous period of care had ended within 24 months before the new one began. Short breaks (V3/V4 only
    periods) are neither starts nor previous periods. A child starting twice in the year is counted once, at
    the later start. -#}

with

month_ends as (

    select month_end, financial_year_start from {{ ref('int_scorecard__month_ends') }}

),

periods as (

    select
        child_id,
        start_date,
        lag(end_date) over (partition by child_id order by start_date) as previous_end_date

    from {{ ref('int_ssda903__looked_after_periods') }}

    where la_code = '{{ la_code() }}'
        and not is_short_breaks

),

starts_in_window as (

    select
        month_ends.month_end,
        periods.child_id,
        periods.start_date,
        periods.previous_end_date,
        row_number() over (
            partition by month_ends.month_end, periods.child_id order by periods.start_date desc
        ) as latest_first

    from month_ends

    inner join periods
        on periods.start_date between month_ends.financial_year_start and month_ends.month_end

),

final as (

    select
        cast('C07' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(
            case
                when previous_end_date >= {{ dbt.dateadd('month', -24, 'start_date') }} then 1
                else 0
            end as double precision
        ) as numerator,
        cast(1 as double precision) as denominator

    from starts_in_window

    where latest_first = 1

)

select * from final
