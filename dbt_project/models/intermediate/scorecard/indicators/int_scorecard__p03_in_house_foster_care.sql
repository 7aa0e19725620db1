{{ config(materialized='view') }}

{#- P03, snapshot: of the children looked after at the month end in foster care (PLACE U1-U6), not UASC, those
    with the authority's own foster carers (PLACE_PROVIDER PR1) or with relatives or friends (U1-U3). -#}

with

fostered as (

    select month_end, child_id, placement_type_code, placement_provider_code

    from {{ ref('int_scorecard__child_months') }}

    where la_code = '{{ la_code() }}'
        and placement_type = 'foster'
        and not is_uasc

),

final as (

    select
        cast('P03' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(
            case
                when placement_provider_code = 'PR1' or placement_type_code in ('U1', 'U2', 'U3') then 1
                else 0
            end as double precision
        ) as numerator,
        cast(1 as double precision) as denominator

    from fostered

)

select * from final
