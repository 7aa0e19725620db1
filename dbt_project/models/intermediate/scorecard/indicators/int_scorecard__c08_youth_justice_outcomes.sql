with

children_in_care as (

    select * from {{ ref('int_scorecard__child_months') }}

),

outcomes_in_window as (

    {{ scorecard_rows_in_window(ref('stg_case_system__youth_justice'), 'outcome_date', 'R12') }}

),

with_outcomes as (

    select
        children_in_care.month_end,
        children_in_care.child_id,
        count(outcomes_in_window.outcome_date) as outcomes_in_12_months

    from children_in_care

    left join outcomes_in_window
        on {{ same_child('children_in_care', 'outcomes_in_window') }}
        and children_in_care.month_end = outcomes_in_window.month_end

    group by children_in_care.month_end, children_in_care.child_id

),

{{ scorecard_indicator_rows('with_outcomes', in_numerator='outcomes_in_12_months > 0') }}
