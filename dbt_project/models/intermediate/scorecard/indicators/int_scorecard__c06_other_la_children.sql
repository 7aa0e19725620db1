{{ config(materialized='view') }}

{#- C06, snapshot count: other authorities' looked-after children placed in the area at the month end, from
    the placing authorities' notifications. They have no child_id here: the subject is the placing
    authority's code and its reference for the child ('E10000017:AB123'). -#}

with

month_ends as (

    select month_end from {{ ref('int_scorecard__month_ends') }}

),

placed_here as (

    select placing_la_code, child_reference, start_date, end_date

    from {{ ref('stg_case_system__other_la_children') }}

    where la_code = '{{ la_code() }}'

),

final as (

    select distinct
        cast('C06' as {{ dbt.type_string() }}) as indicator_id,
        month_ends.month_end,
        cast({{ dbt.concat(['placed_here.placing_la_code', "':'", 'placed_here.child_reference']) }}
            as {{ dbt.type_string() }}) as subject_id,
        cast(1 as double precision) as numerator,
        cast(0 as double precision) as denominator

    from month_ends

    inner join placed_here
        on placed_here.start_date <= month_ends.month_end
        and (placed_here.end_date is null or placed_here.end_date > month_ends.month_end)

)

select * from final
