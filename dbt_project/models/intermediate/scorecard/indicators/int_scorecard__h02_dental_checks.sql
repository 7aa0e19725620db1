{{ config(materialized='view') }}

{#-
    H02, snapshot at each month end: of the children looked after at the month end who had been looked after
    continuously for 12 months (DfE's OC2 cohort, at any month end rather than only 31 March), those with
    a dental check in the 12 months to the month end (DfE: teeth checked by a dentist during the year).
-#}

with

month_ends as (

    select
        month_end,
        rolling_12_start

    from {{ ref('int_scorecard__month_ends') }}

),

cohort as (

    select
        la_code,
        month_end,
        child_id

    from {{ ref('int_scorecard__child_months') }}

    where la_code = '{{ la_code() }}'
        and is_looked_after_12_months

),

health_records as (

    select
        la_code,
        child_id,
        record_date

    from {{ ref('int_ssda903__health_records') }}

    where record_type = 'dental_check'

),

in_last_12_months as (

    select distinct
        cohort.month_end,
        cohort.child_id

    from cohort

    inner join month_ends
        on cohort.month_end = month_ends.month_end

    inner join health_records
        on cohort.la_code = health_records.la_code
        and cohort.child_id = health_records.child_id
        and health_records.record_date between month_ends.rolling_12_start and cohort.month_end

),

final as (

    select
        cast('H02' as {{ dbt.type_string() }}) as indicator_id,
        cohort.month_end,
        cast(cohort.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(case when in_last_12_months.child_id is not null then 1 else 0 end as double precision) as numerator,
        cast(1 as double precision) as denominator

    from cohort

    left join in_last_12_months
        on cohort.month_end = in_last_12_months.month_end
        and cohort.child_id = in_last_12_months.child_id

)

select * from final
