{{ config(materialized='view') }}

{#-
    E07, academic year to date (1 September to the month end), a count: the children looked after at the
    month end with a permanent exclusion starting from 1 September to the month end. Linked by UPN.
-#}

with

excluded as (

    select
        month_end,
        child_id

    from {{ ref('int_scorecard__exclusions_in_academic_year') }}

    where exclusion_type = 'PERMANENT'

),

final as (

    select
        cast('E07' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(1 as double precision) as numerator,
        cast(0 as double precision) as denominator

    from excluded

)

select * from final
