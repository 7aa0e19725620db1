{#-
    The health extract's records, each linked to a case-system child: by its child_id, or when that is blank
    by its NHS number (only an NHS number held by exactly one child links). One row per record, in one long
    shape: what kind of record, its date, and its values. Records that link to no child are left out (the
    dataset checks count them).
-#}

with

children as (

    select
        la_code,
        child_id,
        nhs_number

    from {{ ref('stg_case_system__children') }}

),

nhs_numbers as (

    select
        la_code,
        nhs_number,
        min(child_id) as child_id

    from children

    where nhs_number is not null

    group by
        la_code,
        nhs_number

    having count(*) = 1

),

health_assessments as (

    select
        la_code,
        child_id,
        nhs_number,
        'health_assessment' as record_type,
        completed_date as record_date,
        cast(null as integer) as is_up_to_date,
        cast(null as integer) as sdq_score,
        cast(null as {{ dbt.type_string() }}) as sdq_reason_code,
        cast(null as integer) as intervention_offered,
        cast(null as integer) as intervention_received

    from {{ ref('stg_health__health_assessments') }}

    where completed_date is not null

),

dental_checks as (

    select
        la_code,
        child_id,
        nhs_number,
        'dental_check' as record_type,
        check_date as record_date,
        cast(null as integer) as is_up_to_date,
        cast(null as integer) as sdq_score,
        cast(null as {{ dbt.type_string() }}) as sdq_reason_code,
        cast(null as integer) as intervention_offered,
        cast(null as integer) as intervention_received

    from {{ ref('stg_health__dental_checks') }}

),

immunisations as (

    select
        la_code,
        child_id,
        nhs_number,
        'immunisation_status' as record_type,
        status_date as record_date,
        case when immunisations_up_to_date then 1 else 0 end as is_up_to_date,
        cast(null as integer) as sdq_score,
        cast(null as {{ dbt.type_string() }}) as sdq_reason_code,
        cast(null as integer) as intervention_offered,
        cast(null as integer) as intervention_received

    from {{ ref('stg_health__immunisations') }}

),

development_checks as (

    select
        la_code,
        child_id,
        nhs_number,
        'development_check' as record_type,
        check_date as record_date,
        case when checks_up_to_date then 1 else 0 end as is_up_to_date,
        cast(null as integer) as sdq_score,
        cast(null as {{ dbt.type_string() }}) as sdq_reason_code,
        cast(null as integer) as intervention_offered,
        cast(null as integer) as intervention_received

    from {{ ref('stg_health__development_checks') }}

),

sdq_assessments as (

    select
        la_code,
        child_id,
        nhs_number,
        'sdq' as record_type,
        assessment_date as record_date,
        cast(null as integer) as is_up_to_date,
        cast(sdq_score as integer) as sdq_score,
        reason_no_score_code as sdq_reason_code,
        cast(null as integer) as intervention_offered,
        cast(null as integer) as intervention_received

    from {{ ref('stg_health__sdq_assessments') }}

),

substance_misuse as (

    select
        la_code,
        child_id,
        nhs_number,
        'substance_misuse' as record_type,
        identified_date as record_date,
        cast(null as integer) as is_up_to_date,
        cast(null as integer) as sdq_score,
        cast(null as {{ dbt.type_string() }}) as sdq_reason_code,
        case when intervention_offered then 1 else 0 end as intervention_offered,
        case when intervention_received then 1 else 0 end as intervention_received

    from {{ ref('stg_health__substance_misuse') }}

),

all_records as (

    select * from health_assessments
    union all
    select * from dental_checks
    union all
    select * from immunisations
    union all
    select * from development_checks
    union all
    select * from sdq_assessments
    union all
    select * from substance_misuse

),

linked as (

    select
        all_records.la_code,
        coalesce(all_records.child_id, nhs_numbers.child_id) as child_id,
        all_records.child_id is null as is_linked_by_nhs_number,
        all_records.record_type,
        all_records.record_date,
        all_records.is_up_to_date,
        all_records.sdq_score,
        all_records.sdq_reason_code,
        all_records.intervention_offered,
        all_records.intervention_received

    from all_records

    left join nhs_numbers
        on all_records.la_code = nhs_numbers.la_code
        and all_records.nhs_number = nhs_numbers.nhs_number
        and all_records.child_id is null

)

select * from linked

where child_id is not null
