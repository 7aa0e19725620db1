with

care_leavers as (

    select * from {{ ref('int_scorecard__care_leaver_birthdays') }}

    where age_at_birthday in (17, 18)

),

{{ scorecard_indicator_rows('care_leavers', in_numerator="in_touch_code = 'YES'") }}
