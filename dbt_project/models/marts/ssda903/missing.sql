{#-
    903 Missing: one row per episode of a looked-after child being missing (M) or away from placement without
    authorisation (A) that started in the collection year or was still open at its start (an episode open
    at the end of last year is returned again this year, rule 576). Only episodes that started while the
    child was looked after (during a period of care) are missing from care. MIS_END is blank while the
    episode was still open at 31 March (rule 571).
-#}

with

collection_years as (

    select
        collection_year,
        year_start_date,
        year_end_date

    from {{ ref('int_ssda903__collection_years') }}

),

children_in_year as (

    select
        la_code,
        collection_year,
        child_id,
        date_of_birth

    from {{ ref('int_ssda903__looked_after_in_year') }}

),

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

),

missing_episodes as (

    select
        la_code,
        child_id,
        missing_type,
        start_date,
        end_date

    from {{ ref('stg_case_system__missing_episodes') }}

),

missing_from_care as (

    select missing_episodes.*

    from missing_episodes

    where exists (
        select 1
        from periods
        where periods.la_code = missing_episodes.la_code
            and periods.child_id = missing_episodes.child_id
            and periods.start_date <= missing_episodes.start_date
            and (periods.end_date is null or periods.end_date >= missing_episodes.start_date)
    )

),

missing_in_year as (

    select
        children_in_year.la_code,
        children_in_year.collection_year,
        children_in_year.child_id,
        children_in_year.date_of_birth,
        missing_from_care.missing_type,
        missing_from_care.start_date,
        case
            when missing_from_care.end_date <= collection_years.year_end_date then missing_from_care.end_date
        end as end_date

    from children_in_year

    inner join collection_years
        on children_in_year.collection_year = collection_years.collection_year

    inner join missing_from_care
        on children_in_year.la_code = missing_from_care.la_code
        and children_in_year.child_id = missing_from_care.child_id
        and missing_from_care.start_date <= collection_years.year_end_date
        and (missing_from_care.end_date is null or missing_from_care.end_date >= collection_years.year_start_date)

),

derived as (

    select
        la_code,
        collection_year,
        cast(child_id as {{ dbt.type_string() }}) as child,
        date_of_birth as dob,
        cast(missing_type as {{ dbt.type_string() }}) as missing,
        start_date as mis_start,
        end_date as mis_end

    from missing_in_year

),

submitted as (

    select * from {{ source('submitted_returns', 'missing') }}

),

final as (

    select
        la_code,
        collection_year,
        child,
        dob,
        missing,
        mis_start,
        mis_end,
        'derived' as return_source

    from derived

    union all

    select
        la_code,
        collection_year,
        child,
        dob,
        missing,
        mis_start,
        mis_end,
        'submitted' as return_source

    from submitted

)

select * from final
