with

accepted_return_interviews as (

    select * from {{ ref('int_scorecard__missing_from_care') }}

    where return_interview_accepted

),

ended_in_window as (

    {{ scorecard_rows_in_window('accepted_return_interviews', 'end_date', 'R12') }}

),

return_interviews_by_child as (

    select
        month_end,
        child_id,
        count(*) as return_interviews

    from ended_in_window

    group by month_end, child_id

),

{{ scorecard_indicator_rows('return_interviews_by_child', numerator='return_interviews', denominator=0) }}
