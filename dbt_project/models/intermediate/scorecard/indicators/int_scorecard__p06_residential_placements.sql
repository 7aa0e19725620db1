{{ config(materialized='view') }}

{#- P06, snapshot: of the children looked after at the month end, those in residential placements: secure
    units, children's homes, residential care homes, NHS establishments, young offender institutions and
    residential schools (PLACE K1, K2, R1, R2, R5, S1). -#}

with

children_in_care as (

    select month_end, child_id, placement_type

    from {{ ref('int_scorecard__child_months') }}

    where la_code = '{{ la_code() }}'

),

final as (

    select
        cast('P06' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(case when placement_type = 'residential' then 1 else 0 end as double precision) as numerator,
        cast(1 as double precision) as denominator

    from children_in_care

)

select * from final
