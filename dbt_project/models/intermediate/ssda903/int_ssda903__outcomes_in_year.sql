{#-
    What the health and youth-justice records say about each child in the OC2 cohort (looked after
    continuously for 12 months at 31 March) for that collection year, before DfE's age rules decide which
    of it the return carries:
      - the latest SDQ in the year (its score, or the reason there is none);
      - convicted, or given a youth caution or youth conditional caution, in the year;
      - immunisations and development checks up to date at 31 March: the latest status recorded on or
        before 31 March (0 when there is none);
      - a dental check, a health assessment (initial or review) completed, and a substance misuse problem
        identified, in the year; when there is one, whether an intervention was received, and if not,
        whether one was offered (and so refused).
-#}

with

cohort as (

    select * from {{ ref('int_ssda903__continuously_looked_after') }}

),

collection_years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

health_records as (

    select * from {{ ref('int_ssda903__health_records') }}

),

youth_justice as (

    select * from {{ ref('stg_case_system__youth_justice') }}

),

-- Every health record up to 31 March of the cohort year, newest first within each kind of record (two SDQs of
-- one day in the order ssda903_same_day_sdq_order gives, which H06 follows too).
records_to_year_end as (

    select
        cohort.la_code,
        cohort.collection_year,
        cohort.child_id,
        health_records.record_type,
        health_records.record_date,
        health_records.record_date >= collection_years.year_start_date as is_in_year,
        health_records.is_up_to_date,
        health_records.sdq_score,
        health_records.sdq_reason_code,
        health_records.intervention_offered,
        health_records.intervention_received,
        row_number() over (
            partition by cohort.la_code, cohort.collection_year, cohort.child_id, health_records.record_type
            order by
                health_records.record_date desc,
                {{ ssda903_same_day_sdq_order('health_records') }},
                health_records.is_up_to_date
        ) as newest_first

    from cohort

    inner join collection_years
        on cohort.collection_year = collection_years.collection_year

    inner join health_records
        on {{ same_child('cohort', 'health_records') }}
        and health_records.record_date <= collection_years.year_end_date

),

health_outcomes as (

    select
        la_code,
        collection_year,
        child_id,
        max(case when record_type = 'sdq' and newest_first = 1 and is_in_year then 1 else 0 end) as has_sdq_in_year,
        max(case when record_type = 'sdq' and newest_first = 1 and is_in_year then sdq_score end) as sdq_score,
        max(
            case
                when record_type = 'sdq' and newest_first = 1 and is_in_year and sdq_score is null
                    then sdq_reason_code
            end
        ) as sdq_reason_code,
        max(case when record_type = 'immunisation_status' and newest_first = 1 then is_up_to_date end)
            as immunisations_up_to_date,
        max(case when record_type = 'development_check' and newest_first = 1 then is_up_to_date end)
            as development_checks_up_to_date,
        max(case when record_type = 'dental_check' and is_in_year then 1 else 0 end) as had_dental_check,
        max(case when record_type = 'health_assessment' and is_in_year then 1 else 0 end) as had_health_assessment,
        max(case when record_type = 'substance_misuse' and is_in_year then 1 else 0 end) as had_substance_misuse,
        max(case when record_type = 'substance_misuse' and is_in_year then intervention_received end)
            as intervention_received,
        max(case when record_type = 'substance_misuse' and is_in_year then intervention_offered end)
            as intervention_offered

    from records_to_year_end

    group by
        la_code,
        collection_year,
        child_id

),

convictions as (

    select distinct
        cohort.la_code,
        cohort.collection_year,
        cohort.child_id

    from cohort

    inner join collection_years
        on cohort.collection_year = collection_years.collection_year

    inner join youth_justice
        on {{ same_child('cohort', 'youth_justice') }}
        and {{ ssda903_in_year('youth_justice.outcome_date') }}

),

final as (

    select
        cohort.la_code,
        cohort.collection_year,
        cohort.child_id,
        cohort.date_of_birth,
        coalesce(health_outcomes.has_sdq_in_year, 0) as has_sdq_in_year,
        health_outcomes.sdq_score,
        health_outcomes.sdq_reason_code,
        case when convictions.child_id is null then 0 else 1 end as was_convicted,
        coalesce(health_outcomes.immunisations_up_to_date, 0) as immunisations_up_to_date,
        coalesce(health_outcomes.development_checks_up_to_date, 0) as development_checks_up_to_date,
        coalesce(health_outcomes.had_dental_check, 0) as had_dental_check,
        coalesce(health_outcomes.had_health_assessment, 0) as had_health_assessment,
        coalesce(health_outcomes.had_substance_misuse, 0) as had_substance_misuse,
        health_outcomes.intervention_received,
        health_outcomes.intervention_offered

    from cohort

    left join health_outcomes
        on cohort.la_code = health_outcomes.la_code
        and cohort.collection_year = health_outcomes.collection_year
        and cohort.child_id = health_outcomes.child_id

    left join convictions
        on cohort.la_code = convictions.la_code
        and cohort.collection_year = convictions.collection_year
        and cohort.child_id = convictions.child_id

)

select * from final
