{#-
    Each of the authority's periods of care (short breaks left out) with its initial health assessment (IHA): the health
    extract's INITIAL assessment due soonest after the period began (linked to the child by child_id, or by
    an NHS number held by exactly one child, as int_ssda903__health_rows links), and the statutory
    deadlines counted in working days from the day the child became looked after: the referral to health
    within 5 working days, the assessment within 20.
-#}

with

-- short breaks too, until the end: an assessment falling due in one belongs to it, not to the period before
periods as (

    select
        la_code,
        child_id,
        start_date as period_start_date,
        end_date as period_end_date,
        lead(start_date) over (partition by la_code, child_id order by start_date) as next_period_start_date,
        is_short_breaks

    from {{ ref('int_ssda903__looked_after_periods') }}

    where la_code = '{{ la_code() }}'

),

-- INITIAL assessments, each with the child it belongs to (int_ssda903__health_rows links every health record)
initial_assessments as (

    select
        la_code,
        linked_child_id as child_id,
        referred_date,
        due_date,
        record_date as completed_date

    from {{ ref('int_ssda903__health_rows') }}

    where entity = 'health_assessments'
        and assessment_type = 'INITIAL'

),

-- An IHA belongs to the period of care it falls due in: the latest to start on or before its due date.
period_assessments as (

    select
        periods.la_code,
        periods.child_id,
        periods.period_start_date,
        initial_assessments.referred_date,
        initial_assessments.completed_date,
        row_number() over (
            partition by periods.la_code, periods.child_id, periods.period_start_date
            order by initial_assessments.due_date, initial_assessments.completed_date
        ) as soonest_first

    from periods

    inner join initial_assessments
        on {{ same_child('periods', 'initial_assessments') }}
        and initial_assessments.due_date >= periods.period_start_date
        and (periods.next_period_start_date is null or initial_assessments.due_date < periods.next_period_start_date)

),

final as (

    select

        ---------- ids
        periods.la_code,
        periods.child_id,

        ---------- dates
        periods.period_start_date,
        periods.period_end_date,
        {{ add_working_days('periods.period_start_date', 5) }} as referral_deadline_date,
        {{ add_working_days('periods.period_start_date', 20) }} as assessment_deadline_date,
        period_assessments.referred_date,
        period_assessments.completed_date

    from periods

    left join period_assessments
        on {{ same_child('periods', 'period_assessments') }}
        and periods.period_start_date = period_assessments.period_start_date
        and period_assessments.soonest_first = 1

    where not periods.is_short_breaks

)

select * from final
