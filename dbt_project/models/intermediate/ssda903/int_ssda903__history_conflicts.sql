{#- Where the case-system histories do not fit together, reported rather than repaired, one row per problem:
    days of a period of care with no legal status or no placement (gaps), legal statuses, placements or
    periods that overlap, legal statuses and placements recorded outside any period of care, and ones that
    start and end on the same day. What the episodes then hold is said in the YAML. -#}

{%- set far_future = "cast('9999-12-31' as date)" %}

with

periods_of_care as (

    select * from {{ ref('int_ssda903__periods_of_care') }}

),

intervals as (

    select * from {{ ref('int_ssda903__history_intervals') }}

),

history_items as (

    select * from {{ ref('int_ssda903__history_items') }}

),

---------- gaps: consecutive stretches of a period with no legal status (or no placement)
stretch_coverage as (

    select
        la_code,
        child_id,
        period_number,
        'legal_status_gap' as conflict_kind,
        interval_start_date,
        interval_end_date,
        case when legal_status_code is null then 1 else 0 end as is_gap
    from intervals

    union all

    select
        la_code,
        child_id,
        period_number,
        'placement_gap' as conflict_kind,
        interval_start_date,
        interval_end_date,
        case when placement_id is null then 1 else 0 end as is_gap
    from intervals

),

gap_islands as (

    select

        *,
        row_number() over (
            partition by la_code, child_id, period_number, conflict_kind
            order by interval_start_date
        ) - row_number() over (
            partition by la_code, child_id, period_number, conflict_kind, is_gap
            order by interval_start_date
        ) as island

    from stretch_coverage

),

gaps as (

    select

        la_code,
        child_id,
        conflict_kind,
        min(interval_start_date) as start_date,
        case
            when count(interval_end_date) < count(*) then null
            else max(interval_end_date)
        end as end_date,
        cast(null as {{ dbt.type_string() }}) as detail

    from gap_islands

    where is_gap = 1

    group by la_code, child_id, period_number, conflict_kind, island

),

---------- overlaps: two legal statuses, or two placements, recorded for the same days
item_overlaps as (

    select

        earlier.la_code,
        earlier.child_id,
        {{ dbt.concat(["earlier.item_kind", "'_overlap'"]) }} as conflict_kind,
        greatest(earlier.start_date, later.start_date) as start_date,
        nullif(
            least(coalesce(earlier.end_date, {{ far_future }}), coalesce(later.end_date, {{ far_future }})),
            {{ far_future }}
        ) as end_date,
        {{ dbt.concat(["earlier.item_label", "' and '", "later.item_label"]) }} as detail

    from history_items as earlier

    inner join history_items as later
        on {{ same_child('earlier', 'later') }}
        and earlier.item_kind = later.item_kind
        and (
            earlier.start_date < later.start_date
            or (earlier.start_date = later.start_date and earlier.item_key < later.item_key)
        )

    where greatest(earlier.start_date, later.start_date)
        < least(coalesce(earlier.end_date, {{ far_future }}), coalesce(later.end_date, {{ far_future }}))

),

period_overlaps as (

    select

        la_code,
        child_id,
        'period_overlap' as conflict_kind,
        period_end_date as start_date,
        recorded_end_date as end_date,
        {{ dbt.concat([
            "'period '", dbt.cast('period_number', dbt.type_string()),
            "' runs into period '", dbt.cast('period_number + 1', dbt.type_string()),
        ]) }} as detail

    from periods_of_care

    where is_cut_short

),

---------- legal statuses and placements not wholly inside one period of care
item_periods as (

    select

        history_items.la_code,
        history_items.child_id,
        history_items.item_kind,
        history_items.item_key,
        history_items.item_label,
        history_items.start_date,
        history_items.end_date,
        history_items.may_span_periods,
        max(case
            when periods_of_care.period_start_date <= history_items.start_date
                and coalesce(history_items.end_date, {{ far_future }})
                    <= coalesce(periods_of_care.period_end_date, {{ far_future }})
                then 1 else 0
        end) as is_inside_a_period,
        max(case
            when history_items.start_date = history_items.end_date
                and periods_of_care.period_start_date <= history_items.start_date
                and history_items.start_date <= coalesce(periods_of_care.period_end_date, {{ far_future }})
                and periods_of_care.period_start_date
                    < coalesce(periods_of_care.period_end_date, {{ far_future }})
                then 1 else 0
        end) as is_zero_length_in_a_period

    from history_items

    left join periods_of_care
        on {{ same_child('history_items', 'periods_of_care') }}

    group by
        history_items.la_code,
        history_items.child_id,
        history_items.item_kind,
        history_items.item_key,
        history_items.item_label,
        history_items.start_date,
        history_items.end_date,
        history_items.may_span_periods

),

outside_periods as (

    select
        la_code,
        child_id,
        {{ dbt.concat(["item_kind", "'_outside_period'"]) }} as conflict_kind,
        start_date,
        end_date,
        item_label as detail
    from item_periods
    where is_inside_a_period = 0
        and may_span_periods = 0

),

zero_length as (

    select
        la_code,
        child_id,
        {{ dbt.concat(["'zero_length_'", "item_kind"]) }} as conflict_kind,
        start_date,
        end_date,
        item_label as detail
    from item_periods
    where is_zero_length_in_a_period = 1

),

unioned as (

    select * from gaps
    union all
    select * from item_overlaps
    union all
    select * from period_overlaps
    union all
    select * from outside_periods
    union all
    select * from zero_length

),

final as (

    select

        ---------- ids
        la_code,
        child_id,

        ---------- codes
        cast(conflict_kind as {{ dbt.type_string() }}) as conflict_kind,

        ---------- dates
        start_date,
        end_date,

        ---------- text
        cast(detail as {{ dbt.type_string() }}) as detail

    from unioned

)

select * from final
