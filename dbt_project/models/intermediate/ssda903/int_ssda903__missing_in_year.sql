{#-
    The Missing rows the warehouse derives for each collection year: one row per episode of a looked-after
    child being missing (M) or away from placement without authorisation (A) that started in the year or was
    still open at its start (an episode open at the end of last year is returned again this year, rule 576).
    Only episodes that started while the child was looked after (during a period of care) are missing from
    care. MIS_END is blank while the episode was still open at 31 March (rule 571).
-#}

with

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

-- children_in_year and collection_years come with the from clause: each child looked after in a year, with
-- their missing episodes open at some time in it
final as (

    select
        {{ ssda903_child_columns('children_in_year') }},
        cast(missing_from_care.missing_type as {{ dbt.type_string() }}) as missing,
        missing_from_care.start_date as mis_start,
        {{ ssda903_end_in_year('missing_from_care.end_date') }} as mis_end

    {{ ssda903_from_records_in_year('missing_from_care', 'start_date', 'end_date') }}

)

select * from final
