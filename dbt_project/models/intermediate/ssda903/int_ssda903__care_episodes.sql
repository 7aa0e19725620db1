{#- 903 episodes of care from the case-system histories. Within a period of care a new episode starts
    whenever the legal status or the placement changes (both on the same day: one new episode). RNE says what
    changed: S the period's first episode; L legal status only; P placement and carer; T placement, same
    carer; B legal status and placement and carer; U legal status and placement, same carer. REC is X1 between
    episodes of a period, the period's reason ended at its end, blank while the child is in care. The episodes
    hold every episode ever; int_ssda903__episodes_in_year picks each collection year's. -#}

{#- Stretches, then episodes, in order within their period of care. -#}
{%- set stretches_in_period = "partition by la_code, child_id, period_number order by interval_start_date" %}
{%- set episodes_in_period = "partition by episode_spans.la_code, episode_spans.child_id, episode_spans.period_number"
    ~ " order by episode_spans.episode_in_period" %}

with

intervals as (

    select * from {{ ref('int_ssda903__history_intervals') }}

),

periods_of_care as (

    select * from {{ ref('int_ssda903__periods_of_care') }}

),

placements as (

    select * from {{ ref('stg_case_system__placements') }}

),

placement_locations as (

    select * from {{ ref('int_ssda903__placement_locations') }}

),

children as (

    select * from {{ ref('stg_case_system__children') }}

),

-- A stretch starts an episode when it is the period's first or its legal status or placement differs from
-- the stretch before.
change_flags as (

    select

        *,
        case
            when lag(interval_start_date) over ({{ stretches_in_period }}) is null then 1
            when coalesce(legal_status_code, '')
                <> coalesce(lag(legal_status_code) over ({{ stretches_in_period }}), '') then 1
            when coalesce(placement_id, '') <> coalesce(lag(placement_id) over ({{ stretches_in_period }}), '') then 1
            else 0
        end as starts_episode

    from intervals

),

episode_numbers as (

    select

        *,
        sum(starts_episode) over (
            partition by la_code, child_id, period_number
            order by interval_start_date
            rows between unbounded preceding and current row
        ) as episode_in_period

    from change_flags

),

episode_spans as (

    select

        la_code,
        child_id,
        period_number,
        episode_in_period,
        legal_status_code,
        placement_id,
        min(interval_start_date) as episode_start_date,
        case
            when count(interval_end_date) < count(*) then null
            else max(interval_end_date)
        end as episode_end_date

    from episode_numbers

    group by la_code, child_id, period_number, episode_in_period, legal_status_code, placement_id

),

described as (

    select

        episode_spans.*,
        periods_of_care.period_start_date,
        periods_of_care.period_end_date,
        periods_of_care.category_of_need_code,
        periods_of_care.reason_ended_code,
        placements.carer_id,
        placements.placement_type_code,
        placements.placement_provider_code,
        placements.reason_for_change_code,
        placements.home_postcode,
        placements.placement_postcode,
        placements.ofsted_urn,
        placement_locations.pl_distance,
        placement_locations.pl_la,
        placement_locations.pl_location,
        coalesce(children.is_uasc, false) as was_ever_uasc,
        coalesce(episode_spans.legal_status_code in ('V3', 'V4'), false) as is_short_break,
        lag(episode_spans.legal_status_code) over ({{ episodes_in_period }}) as previous_legal_status_code,
        lag(episode_spans.placement_id) over ({{ episodes_in_period }}) as previous_placement_id,
        lag(placements.carer_id) over ({{ episodes_in_period }}) as previous_carer_id,
        lead(episode_spans.episode_in_period) over ({{ episodes_in_period }}) as next_episode_in_period,
        lead(episode_spans.placement_id) over ({{ episodes_in_period }}) as next_placement_id,
        lead(placements.placement_type_code) over ({{ episodes_in_period }}) as next_placement_type_code

    from episode_spans

    inner join periods_of_care
        on {{ same_child('episode_spans', 'periods_of_care') }}
        and episode_spans.period_number = periods_of_care.period_number

    left join placements
        on episode_spans.la_code = placements.la_code
        and episode_spans.placement_id = placements.placement_id

    left join placement_locations
        on episode_spans.la_code = placement_locations.la_code
        and episode_spans.placement_id = placement_locations.placement_id

    left join children
        on {{ same_child('episode_spans', 'children') }}

),

changes as (

    select

        *,
        coalesce(legal_status_code, '') <> coalesce(previous_legal_status_code, '') as legal_status_changed,
        coalesce(placement_id, '') <> coalesce(previous_placement_id, '') as placement_changed,
        coalesce(carer_id = previous_carer_id, false) as same_carer

    from described

),

coded as (

    select

        ---------- ids
        la_code,
        child_id,
        period_number,
        episode_in_period,
        placement_id,
        carer_id,

        ---------- 903 fields
        episode_start_date as decom,
        case
            when episode_in_period = 1 then 'S'
            when legal_status_changed and not placement_changed then 'L'
            when placement_changed and not legal_status_changed and same_carer then 'T'
            when placement_changed and not legal_status_changed then 'P'
            when same_carer then 'U'
            else 'B'
        end as rne,
        legal_status_code as ls,
        category_of_need_code as cin,
        placement_type_code as place,
        placement_provider_code as place_provider,
        episode_end_date as dec,
        case
            when next_episode_in_period is not null then 'X1'
            when period_end_date is not null then reason_ended_code
        end as rec,
        -- DfE rule 226: no reason for a move into or out of a temporary placement (T0-T4), whatever the case
        -- system recorded for it
        case
            when next_episode_in_period is not null
                and placement_id is not null
                and coalesce(next_placement_id, '') <> placement_id
                and coalesce(placement_type_code, '') not in ('T0', 'T1', 'T2', 'T3', 'T4')
                and coalesce(next_placement_type_code, '') not in ('T0', 'T1', 'T2', 'T3', 'T4')
                then reason_for_change_code
        end as reason_place_change,
        -- DfE: no home postcode for UASC, and no location details for short breaks (rules 214, 398, 420)
        case when not was_ever_uasc and not is_short_break then home_postcode end as home_post,
        case when not is_short_break then placement_postcode end as pl_post,
        case when not is_short_break then ofsted_urn end as urn,
        -- DfE rule 406: no distance for children who are or were UASC
        case when not was_ever_uasc and not is_short_break then pl_distance end as pl_distance,
        case when not is_short_break then pl_la end as pl_la,
        case when not is_short_break then pl_location end as pl_location,

        ---------- context
        period_start_date,
        period_end_date,
        was_ever_uasc,
        is_short_break

    from changes

),

final as (

    select

        ---------- ids
        la_code,
        child_id,
        row_number() over (partition by la_code, child_id order by decom, period_number) as episode_number,
        period_number,
        episode_in_period,
        placement_id,
        carer_id,

        ---------- 903 fields
        decom,
        rne,
        ls,
        cin,
        place,
        place_provider,
        dec,
        rec,
        reason_place_change,
        home_post,
        pl_post,
        urn,
        pl_distance,
        pl_la,
        pl_location,

        ---------- context
        period_start_date,
        period_end_date,
        lead(decom) over (partition by la_code, child_id order by decom, period_number) as next_decom,
        was_ever_uasc,
        is_short_break

    from coded

)

select * from final
