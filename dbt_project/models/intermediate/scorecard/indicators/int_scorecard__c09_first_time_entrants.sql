with

children_in_care as (

    select * from {{ ref('int_scorecard__child_months') }}

),

first_outcomes as (

    select
        la_code,
        child_id,
        min(outcome_date) as first_outcome_date

    from {{ ref('stg_case_system__youth_justice') }}

    group by la_code, child_id

),

first_outcomes_in_window as (

    {{ scorecard_rows_in_window('first_outcomes', 'first_outcome_date', 'R12') }}

),

first_time_entrants as (

    select
        children_in_care.month_end,
        children_in_care.child_id

    from children_in_care

    inner join first_outcomes_in_window
        on {{ same_child('children_in_care', 'first_outcomes_in_window') }}
        and children_in_care.month_end = first_outcomes_in_window.month_end

),

{{ scorecard_indicator_rows('first_time_entrants', numerator=1, denominator=0) }}
