{{ config(materialized='view') }}

{#-
    A04, year to date (1 April to the month end): of the children who ceased to be looked after from 1 April to the
    month end (short breaks left out, as DfE's figures for children ceasing leave them out), those who left care
    adopted (903 reason ended E11, E12). A child who ceased twice in the year counts once, by the last time.
-#}

with

leavers as (

    select * from {{ ref('int_scorecard__leavers_in_year') }}

),

final as (

    select
        cast('A04' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(case when reason_ended_code in ('E11', 'E12') then 1 else 0 end as double precision) as numerator,
        cast(1 as double precision) as denominator

    from leavers

)

select * from final
