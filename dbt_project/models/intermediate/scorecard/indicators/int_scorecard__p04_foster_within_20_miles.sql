{{ config(materialized='view') }}

{#- P04, snapshot: of the children looked after at the month end in foster care (PLACE U1-U6), not UASC, whose
    placement distance is known, those placed 20 miles or less from home (the 903 PL_DISTANCE: straight-line
    miles between the home and placement postcodes). Children without both postcodes are left out. -#}

with

fostered as (

    select month_end, child_id, distance_from_home_miles

    from {{ ref('int_scorecard__child_months') }}

    where la_code = '{{ la_code() }}'
        and placement_type = 'foster'
        and not is_uasc
        and distance_from_home_miles is not null

),

final as (

    select
        cast('P04' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(case when distance_from_home_miles <= 20 then 1 else 0 end as double precision) as numerator,
        cast(1 as double precision) as denominator

    from fostered

)

select * from final
