{#-
    Plausibility: values the contract cannot judge one row at a time, because they depend on another table
    (a child's age on a date) or are only implausible, not impossible. One row per value checked, with the
    range it should lie in:
      - age at the start of a period of care: 0 to 17 (a child; an 18-year-old cannot come into care);
      - age at an SDQ: 2 to 17 (the questionnaire has versions for ages 2 to 17);
      - SDQ total score: 0 to 40 (also in the contract, which quarantines others: this catches a changed contract);
      - length of a missing or away episode: up to 180 days (longer is almost always a missed end date);
      - distance from home to placement (903 PL_DISTANCE): 0 to 500 miles (Great Britain's mainland).
-#}

{#- The range each measure's value should lie in. -#}
{%- set plausible_ranges = {
    'age_at_period_start': (0, 17.999),
    'age_at_sdq': (2, 17.999),
    'sdq_score': (0, 40),
    'missing_episode_days': (0, 180),
    'placement_distance_miles': (0, 500),
} -%}

with

children as (

    select * from {{ ref('stg_case_system__children') }}

),

periods as (

    select * from {{ ref('stg_case_system__periods_of_care') }}

),

sdqs as (

    select * from {{ ref('stg_health__sdq_assessments') }}

    where child_id is not null

),

missing_episodes as (

    select * from {{ ref('stg_case_system__missing_episodes') }}

    where end_date is not null

),

placement_locations as (

    select * from {{ ref('int_ssda903__placement_locations') }}

    where pl_distance is not null

),

placements as (

    select * from {{ ref('stg_case_system__placements') }}

),

-- The days a child's age is checked on: the start of each period of care, and each SDQ.
age_checks as (

    select la_code, 'age_at_period_start' as measure, child_id, start_date as record_date
    from periods

    union all

    select la_code, 'age_at_sdq' as measure, child_id, assessment_date as record_date
    from sdqs

),

values_checked as (

    select
        age_checks.la_code,
        age_checks.measure,
        age_checks.child_id,
        age_checks.record_date,
        cast({{ dbt.datediff('children.date_of_birth', 'age_checks.record_date', 'day') }} as {{ dbt.type_float() }})
            / 365.25 as measured_value

    from age_checks

    inner join children
        on {{ same_child('age_checks', 'children') }}

    union all

    select
        la_code,
        'sdq_score' as measure,
        child_id,
        assessment_date as record_date,
        cast(sdq_score as {{ dbt.type_float() }}) as measured_value

    from sdqs

    where sdq_score is not null

    union all

    select
        la_code,
        'missing_episode_days' as measure,
        child_id,
        start_date as record_date,
        cast({{ dbt.datediff('start_date', 'end_date', 'day') }} as {{ dbt.type_float() }}) as measured_value

    from missing_episodes

    union all

    select
        placement_locations.la_code,
        'placement_distance_miles' as measure,
        placement_locations.child_id,
        placements.start_date as record_date,
        placement_locations.pl_distance as measured_value

    from placement_locations

    inner join placements
        on placement_locations.la_code = placements.la_code
        and placement_locations.placement_id = placements.placement_id

),

ranged as (

    select
        *,
        case measure
            {%- for measure, (lowest, highest) in plausible_ranges.items() %}
            when '{{ measure }}' then {{ lowest }}
            {%- endfor %}
        end as lowest_plausible,
        case measure
            {%- for measure, (lowest, highest) in plausible_ranges.items() %}
            when '{{ measure }}' then {{ highest }}
            {%- endfor %}
        end as highest_plausible

    from values_checked

),

final as (

    select
        la_code,
        measure,
        child_id,
        record_date,
        {{ dbt.last_day('record_date', 'month') }} as month_end,
        measured_value,
        lowest_plausible,
        highest_plausible,
        measured_value between lowest_plausible and highest_plausible as is_plausible

    from ranged

)

select * from final
