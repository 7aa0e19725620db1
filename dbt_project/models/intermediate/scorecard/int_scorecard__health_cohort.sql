{#- The children the health indicators (H01, H02, H05-H07) count at each month end: looked after at the month end
    and looked after continuously for 12 months (DfE's OC2 cohort, at any month end rather than only 31 March),
    with the start of the 12 months to the month end, the year in which OC2 counts health events. -#}

with

month_ends as (

    select
        month_end,
        rolling_12_start

    from {{ ref('int_scorecard__month_ends') }}

),

child_months as (

    select
        la_code,
        month_end,
        child_id,
        age

    from {{ ref('int_scorecard__child_months') }}

    where is_looked_after_12_months

),

final as (

    select
        child_months.la_code,
        child_months.month_end,
        child_months.child_id,
        child_months.age,
        month_ends.rolling_12_start

    from child_months

    left join month_ends
        on child_months.month_end = month_ends.month_end

)

select * from final
