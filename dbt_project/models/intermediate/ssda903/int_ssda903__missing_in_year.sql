{#-
    The Missing rows the warehouse derives for each collection year: one row per episode of a looked-after
    child being missing (M) or away from placement without authorisation (A) that started in the year or was
    still open at its start (an episode open at the end of last year is returned again this year, rule 576).
    Only episodes that started while the child was looked after (during a period of care) are missing from
    care. MIS_END is blank while the episode was still open at 31 March (rule 571).
-#}

with

collection_years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

children_in_year as (

    select * from {{ ref('int_ssda903__looked_after_in_year') }}

),

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

),

missing_episodes as (

    select * from {{ ref('stg_case_system__missing_episodes') }}

),

missing_from_care as (

    select * from missing_episodes

    where {{ ssda903_looked_after_on('missing_episodes', 'missing_episodes.start_date') }}

),

final as (

    select
        children_in_year.la_code,
        children_in_year.collection_year,
        cast(children_in_year.child_id as {{ dbt.type_string() }}) as child,
        children_in_year.date_of_birth as dob,
        cast(missing_from_care.missing_type as {{ dbt.type_string() }}) as missing,
        missing_from_care.start_date as mis_start,
        {{ ssda903_end_in_year('missing_from_care.end_date') }} as mis_end

    from children_in_year

    inner join collection_years
        on children_in_year.collection_year = collection_years.collection_year

    inner join missing_from_care
        on children_in_year.la_code = missing_from_care.la_code
        and children_in_year.child_id = missing_from_care.child_id
        and {{ ssda903_overlaps_year('missing_from_care.start_date', 'missing_from_care.end_date') }}

)

select * from final
