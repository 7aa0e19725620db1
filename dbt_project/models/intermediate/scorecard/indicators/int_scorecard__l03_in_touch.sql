{{ config(materialized='view') }}

{#- L03, annual measure rolled to each month end: of the care leavers (DfE's OC3 cohort,
    int_ssda903__care_leavers) whose 19th, 20th or 21st birthday fell in the 12 months to the month end, those
    whose the authority was in touch with around the birthday (903 IN_TOUCH YES). DfE measures care leavers at their birthday and
    reports 19-21-year-olds (the headline measure, and Kent's) apart from 17-18-year-olds, who are not counted
    here. A care leaver with no contact recorded for the birthday is "not known": in the denominator only. -#}

with

care_leaver_birthdays as (

    select * from {{ ref('int_scorecard__care_leaver_birthdays') }}

),

final as (

    select
        cast('L03' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(case when in_touch_code = 'YES' then 1 else 0 end as double precision) as numerator,
        cast(1 as double precision) as denominator

    from care_leaver_birthdays

)

select * from final
