{{ config(materialized='view') }}

{#- P07, snapshot: of the children looked after at the month end, those placed outside the authority (903
    PL_LOCATION OUT) other than with relatives or friends (U1-U3) or their parents (P1). -#}

with

children_in_care as (

    select month_end, child_id, placement_location, placement_type_code

    from {{ ref('int_scorecard__child_months') }}

    where la_code = '{{ la_code() }}'

),

final as (

    select
        cast('P07' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(
            case
                when placement_location = 'OUT' and placement_type_code not in ('U1', 'U2', 'U3', 'P1') then 1
                else 0
            end as double precision
        ) as numerator,
        cast(1 as double precision) as denominator

    from children_in_care

)

select * from final
