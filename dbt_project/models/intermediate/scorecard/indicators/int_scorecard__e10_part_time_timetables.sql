with

part_time_timetables as (

    select * from {{ ref('stg_education__part_time_timetables') }}

),

-- at any time in the month: a timetable not ended before the month began
on_part_time_timetable as (

    {{ scorecard_children_in_education_period('part_time_timetables', in_force_from='month_start') }}

),

{{ scorecard_indicator_rows('on_part_time_timetable', numerator=1, denominator=0) }}
