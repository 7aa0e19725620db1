with

care_leavers as (

    select * from {{ ref('int_scorecard__care_leaver_birthdays') }}

    where age_at_birthday in (19, 20, 21)

),

{{ scorecard_indicator_rows(
    'care_leavers', in_numerator="activity_code in ('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5')"
) }}
