{{ config(materialized='view') }}

{#-
    H07, snapshot at each month end: of the children looked after at the month end who had been looked after
    continuously for 12 months (DfE's OC2 cohort, at any month end rather than only 31 March), those whose
    immunisations were up to date: the latest immunisation status recorded on or before the month end says
    so, as the 903 OC2 return reads it (none recorded counts as not up to date).
-#}

with

cohort as (

    select
        la_code,
        month_end,
        child_id

    from {{ ref('int_scorecard__health_cohort') }}

),

immunisation_statuses as (

    select
        la_code,
        child_id,
        record_date,
        is_up_to_date

    from {{ ref('int_ssda903__health_records') }}

    where record_type = 'immunisation_status'

),

latest_status as (

    select
        cohort.month_end,
        cohort.child_id,
        immunisation_statuses.is_up_to_date,
        row_number() over (
            partition by cohort.month_end, cohort.child_id
            order by immunisation_statuses.record_date desc, immunisation_statuses.is_up_to_date
        ) as newest_first

    from cohort

    inner join immunisation_statuses
        on cohort.la_code = immunisation_statuses.la_code
        and cohort.child_id = immunisation_statuses.child_id
        and immunisation_statuses.record_date <= cohort.month_end

),

final as (

    select
        cast('H07' as {{ dbt.type_string() }}) as indicator_id,
        cohort.month_end,
        cast(cohort.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(coalesce(latest_status.is_up_to_date, 0) as double precision) as numerator,
        cast(1 as double precision) as denominator

    from cohort

    left join latest_status
        on cohort.month_end = latest_status.month_end
        and cohort.child_id = latest_status.child_id
        and latest_status.newest_first = 1

)

select * from final
