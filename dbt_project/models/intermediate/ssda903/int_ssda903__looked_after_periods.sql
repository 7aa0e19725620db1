{#-
    Periods of care (as the 903 episodes are cut from them, int_ssda903__periods_of_care: never overlapping),
    each marked as short breaks (every legal status held in it is V3 or V4: an agreed series of short-term
    breaks) or not. DfE leaves short breaks out of most cohorts (continuously looked after, care leavers,
    reviews, social workers).
-#}

with

periods_of_care as (

    select
        la_code,
        child_id,
        period_start_date as start_date,
        period_end_date as end_date,
        reason_ended_code

    from {{ ref('int_ssda903__periods_of_care') }}

),

legal_statuses as (

    select
        la_code,
        child_id,
        legal_status_code,
        start_date,
        end_date

    from {{ ref('stg_case_system__legal_statuses') }}

),

-- A legal status belongs to a period when it starts on the period's first day or overlaps it by a day or
-- more (a status ending on the day a period starts belongs to the period before).
period_legal_statuses as (

    select
        periods_of_care.la_code,
        periods_of_care.child_id,
        periods_of_care.start_date,
        count(*) as n_legal_statuses,
        sum(case when legal_statuses.legal_status_code in ('V3', 'V4') then 1 else 0 end) as n_short_break_statuses

    from periods_of_care

    inner join legal_statuses
        on {{ same_child('periods_of_care', 'legal_statuses') }}
        and (
            legal_statuses.start_date = periods_of_care.start_date
            or (
                legal_statuses.start_date < coalesce(periods_of_care.end_date, cast('9999-12-31' as date))
                and coalesce(legal_statuses.end_date, cast('9999-12-31' as date)) > periods_of_care.start_date
            )
        )

    group by
        periods_of_care.la_code,
        periods_of_care.child_id,
        periods_of_care.start_date

),

classified as (

    select
        periods_of_care.la_code,
        periods_of_care.child_id,
        periods_of_care.start_date,
        periods_of_care.end_date,
        periods_of_care.reason_ended_code,
        coalesce(period_legal_statuses.n_short_break_statuses, 0) > 0
            and period_legal_statuses.n_short_break_statuses = period_legal_statuses.n_legal_statuses
            as is_short_breaks

    from periods_of_care

    left join period_legal_statuses
        on {{ same_child('periods_of_care', 'period_legal_statuses') }}
        and periods_of_care.start_date = period_legal_statuses.start_date

)

select * from classified
