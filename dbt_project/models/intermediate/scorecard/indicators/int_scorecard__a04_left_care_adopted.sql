{{ config(materialized='view') }}

{#-
    A04, year to date (1 April to the month end): of the children who ceased to be looked after from 1 April to the
    month end (short breaks left out, as DfE's figures for children ceasing leave them out), those who left care
    adopted (903 reason ended E11, E12). A child who ceased twice in the year counts once, by the last time.
-#}

with

month_ends as (

    select
        month_end,
        financial_year_start

    from {{ ref('int_scorecard__month_ends') }}

),

periods as (

    select
        child_id,
        end_date,
        reason_ended_code

    from {{ ref('int_ssda903__looked_after_periods') }}

    where la_code = '{{ la_code() }}'
        and not is_short_breaks
        and end_date is not null

),

ceased_in_year as (

    select
        month_ends.month_end,
        periods.child_id,
        periods.reason_ended_code,
        row_number() over (
            partition by month_ends.month_end, periods.child_id
            order by periods.end_date desc
        ) as latest_first

    from month_ends

    inner join periods
        on periods.end_date between month_ends.financial_year_start and month_ends.month_end

),

final as (

    select
        cast('A04' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(case when reason_ended_code in ('E11', 'E12') then 1 else 0 end as double precision) as numerator,
        cast(1 as double precision) as denominator

    from ceased_in_year

    where latest_first = 1

)

select * from final
