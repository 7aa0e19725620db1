{{ config(materialized='view') }}

{#- C04, snapshot: the children looked after at the month end, one row each (numerator 1). The denominator is
    not a child: the marts divide by the under-18 population (seed population_under_18) and multiply by
    10,000, so each row's denominator here is 0. -#}

with

children_in_care as (

    select month_end, child_id

    from {{ ref('int_scorecard__child_months') }}

    where la_code = '{{ la_code() }}'

),

final as (

    select
        cast('C04' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(1 as double precision) as numerator,
        cast(0 as double precision) as denominator

    from children_in_care

)

select * from final
