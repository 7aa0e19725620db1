{#- The case-system histories cut into stretches of days within a period of care over which nothing changes:
    every legal status and placement start or end inside a period starts a new stretch. Each stretch says
    which legal status and which placement cover it, and how many do (0: a gap, 2 or more: an overlap), so
    int_ssda903__care_episodes can merge stretches into 903 episodes and int_ssda903__history_conflicts can
    report the gaps. Stretches are half-open, [interval_start_date, interval_end_date), as 903 episodes are
    (an episode's DEC is the next one's DECOM); a period of care that starts and ends on the same day is one
    stretch of that day. -#}

{%- set far_future = "cast('9999-12-31' as date)" %}
{%- set same_stretch_and_kind = "partition by intervals.la_code, intervals.child_id, intervals.period_number,"
    ~ " intervals.interval_start_date, items_in_periods.item_kind" %}

with

periods_of_care as (

    select * from {{ ref('int_ssda903__periods_of_care') }}

),

history_items as (

    select * from {{ ref('int_ssda903__history_items') }}

),

-- Each legal status and placement cut to each period of care it touches: only days in care make episodes.
items_in_periods as (

    select

        periods_of_care.la_code,
        periods_of_care.child_id,
        periods_of_care.period_number,
        periods_of_care.period_start_date,
        periods_of_care.period_end_date,
        history_items.item_kind,
        history_items.item_key,
        history_items.start_date as item_start_date,
        greatest(history_items.start_date, periods_of_care.period_start_date) as covered_from,
        least(
            coalesce(history_items.end_date, {{ far_future }}),
            coalesce(periods_of_care.period_end_date, {{ far_future }})
        ) as covered_to

    from periods_of_care

    inner join history_items
        on {{ same_child('periods_of_care', 'history_items') }}
        and history_items.start_date <= coalesce(periods_of_care.period_end_date, {{ far_future }})
        and coalesce(history_items.end_date, {{ far_future }}) >= periods_of_care.period_start_date

),

change_dates as (

    select la_code, child_id, period_number, period_start_date as change_date
    from periods_of_care

    union

    select la_code, child_id, period_number, covered_from as change_date
    from items_in_periods
    where covered_from > period_start_date
        and covered_from < coalesce(period_end_date, {{ far_future }})

    union

    select la_code, child_id, period_number, covered_to as change_date
    from items_in_periods
    where covered_to > period_start_date
        and covered_to < coalesce(period_end_date, {{ far_future }})

),

intervals as (

    select

        change_dates.la_code,
        change_dates.child_id,
        change_dates.period_number,
        change_dates.change_date as interval_start_date,
        coalesce(
            lead(change_dates.change_date) over (
                partition by change_dates.la_code, change_dates.child_id, change_dates.period_number
                order by change_dates.change_date
            ),
            periods_of_care.period_end_date
        ) as interval_end_date

    from change_dates

    inner join periods_of_care
        on {{ same_child('change_dates', 'periods_of_care') }}
        and change_dates.period_number = periods_of_care.period_number

),

-- Which items cover each stretch. Where two overlap, the one that started later is taken to have replaced
-- the other (both are reported as an overlap).
coverage as (

    select

        intervals.la_code,
        intervals.child_id,
        intervals.period_number,
        intervals.interval_start_date,
        items_in_periods.item_kind,
        items_in_periods.item_key,
        row_number() over (
            {{ same_stretch_and_kind }}
            order by items_in_periods.item_start_date desc, items_in_periods.item_key desc
        ) as preference,
        count(*) over ({{ same_stretch_and_kind }}) as n_items

    from intervals

    inner join items_in_periods
        on {{ same_child('intervals', 'items_in_periods') }}
        and intervals.period_number = items_in_periods.period_number
        and items_in_periods.covered_from <= intervals.interval_start_date
        and (
            items_in_periods.covered_to > intervals.interval_start_date
            -- a period of care of a single day: what is recorded for that day
            or (
                intervals.interval_end_date = intervals.interval_start_date
                and items_in_periods.covered_to = intervals.interval_start_date
            )
        )

),

covered as (

    select

        intervals.la_code,
        intervals.child_id,
        intervals.period_number,
        intervals.interval_start_date,
        intervals.interval_end_date,
        legal_status.item_key as legal_status_code,
        coalesce(legal_status.n_items, 0) as n_legal_statuses,
        placement.item_key as recorded_placement_id,
        coalesce(placement.n_items, 0) as n_placements

    from intervals

    {%- for kind in ['legal_status', 'placement'] %}

    left join coverage as {{ kind }}
        on intervals.la_code = {{ kind }}.la_code
        and intervals.child_id = {{ kind }}.child_id
        and intervals.period_number = {{ kind }}.period_number
        and intervals.interval_start_date = {{ kind }}.interval_start_date
        and {{ kind }}.item_kind = '{{ kind }}'
        and {{ kind }}.preference = 1
    {%- endfor %}

),

-- Short breaks under V4 are recorded as agreements, not as individual stays (DfE): between two breaks of a V4
-- agreement the child is still on the agreement, so a stretch with no placement takes the placement of the
-- latest break before it (or, before the first break, of the first one) instead of being a gap.
short_break_bridges as (

    select

        covered.la_code,
        covered.child_id,
        covered.period_number,
        covered.interval_start_date,
        items_in_periods.item_key as placement_id,
        row_number() over (
            partition by covered.la_code, covered.child_id, covered.period_number, covered.interval_start_date
            order by
                case when items_in_periods.covered_from <= covered.interval_start_date then 0 else 1 end,
                case
                    when items_in_periods.covered_from <= covered.interval_start_date
                        then items_in_periods.covered_from
                end desc,
                items_in_periods.covered_from,
                items_in_periods.item_key
        ) as preference

    from covered

    inner join items_in_periods
        on {{ same_child('covered', 'items_in_periods') }}
        and covered.period_number = items_in_periods.period_number
        and items_in_periods.item_kind = 'placement'
        and items_in_periods.covered_to > items_in_periods.covered_from

    where covered.legal_status_code = 'V4'
        and covered.recorded_placement_id is null

),

final as (

    select

        ---------- ids
        covered.la_code,
        covered.child_id,
        covered.period_number,
        coalesce(covered.recorded_placement_id, short_break_bridges.placement_id) as placement_id,
        covered.recorded_placement_id,

        ---------- codes
        covered.legal_status_code,

        ---------- dates
        covered.interval_start_date,
        covered.interval_end_date,

        ---------- numerics
        covered.n_legal_statuses,
        covered.n_placements,

        ---------- flags
        (
            covered.recorded_placement_id is null
            and short_break_bridges.placement_id is not null
        ) as is_short_break_bridge

    from covered

    left join short_break_bridges
        on {{ same_child('covered', 'short_break_bridges') }}
        and covered.period_number = short_break_bridges.period_number
        and covered.interval_start_date = short_break_bridges.interval_start_date
        and short_break_bridges.preference = 1

)

select * from final
