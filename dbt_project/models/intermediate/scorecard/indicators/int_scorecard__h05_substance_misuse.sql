{{ config(materialized='view') }}

{#-
    H05, snapshot at each month end: of the children looked after at the month end who had been looked after
    continuously for 12 months (DfE's OC2 cohort, at any month end rather than only 31 March), those with a
    substance misuse problem identified in the 12 months to the month end (DfE: identified as having a substance
    misuse problem during the year).
-#}

with

cohort as (

    select
        la_code,
        month_end,
        child_id,
        rolling_12_start

    from {{ ref('int_scorecard__health_cohort') }}

),

substance_misuse_records as (

    select
        la_code,
        child_id,
        record_date

    from {{ ref('int_ssda903__health_records') }}

    where record_type = 'substance_misuse'

),

final as (

    select
        cast('H05' as {{ dbt.type_string() }}) as indicator_id,
        cohort.month_end,
        cast(cohort.child_id as {{ dbt.type_string() }}) as subject_id,
        cast(
            max(case when substance_misuse_records.child_id is not null then 1 else 0 end) as double precision
        ) as numerator,
        cast(1 as double precision) as denominator

    from cohort

    left join substance_misuse_records
        on cohort.la_code = substance_misuse_records.la_code
        and cohort.child_id = substance_misuse_records.child_id
        and substance_misuse_records.record_date between cohort.rolling_12_start and cohort.month_end

    group by cohort.month_end, cohort.child_id

)

select * from final
