{#- The authority's placements as DfE's stability measures count them: a run of 903 episodes with the same carers.
    A placement starts with a period's first episode or an episode whose RNE is P or B (a change of placement and
    carers). Not a change of placement, as DfE counts them (docs/scorecard_indicators.md):
      - a change of placement with the same carers (RNE T or U: e.g. short-term to long-term fostering, or
        placed for adoption with the foster carers);
      - a temporary placement (PLACE T0-T4: hospital, holiday, respite while the carer is away), and the return
        from it to the carers the child was with before; new carers after it are a new placement;
      - a change of legal status only (RNE L).
    Short breaks (V3/V4) are left out. A placement is so the child's time with the same carers, which DfE's
    long-term stability measure (P02) turns on ("with the same carer"): one rule for P01, P10 and P02. -#}

{%- set temporary_places = "('T0', 'T1', 'T2', 'T3', 'T4')" %}

with

episodes as (

    select * from {{ ref('int_ssda903__care_episodes') }}

    where la_code = '{{ la_code() }}'
        and not is_short_break

),

-- the carers each episode outside a temporary placement followed, temporary placements skipped
carers_before as (

    select
        la_code,
        child_id,
        episode_number,
        lag(carer_id) over (partition by la_code, child_id, period_number order by decom) as carer_before

    from episodes

    where place not in {{ temporary_places }}

),

sequenced as (

    select
        episodes.*,
        carers_before.carer_before,
        row_number() over (
            partition by episodes.la_code, episodes.child_id, episodes.period_number order by episodes.decom
        ) as episode_in_period_order,
        lag(episodes.place) over (
            partition by episodes.la_code, episodes.child_id, episodes.period_number order by episodes.decom
        ) as previous_place

    from episodes

    left join carers_before
        on {{ same_child('episodes', 'carers_before') }}
        and episodes.episode_number = carers_before.episode_number

),

flagged as (

    select

        la_code,
        child_id,
        period_number,
        decom,
        dec,
        rne,
        place,
        carer_id,
        case
            when episode_in_period_order = 1 then 1
            when place in {{ temporary_places }} then 0
            when previous_place in {{ temporary_places }} and carer_id = carer_before then 0
            when rne in ('P', 'B') then 1
            else 0
        end as starts_placement

    from sequenced

),

numbered as (

    select

        *,
        sum(starts_placement) over (
            partition by la_code, child_id
            order by decom
            rows between unbounded preceding and current row
        ) as placement_number

    from flagged

),

placements as (

    select

        la_code,
        child_id,
        placement_number,
        min(period_number) as period_number,
        min(decom) as placement_start_date,
        -- open while any of its episodes is open
        case when count(*) = count(dec) then max(dec) end as placement_end_date,
        max(case when starts_placement = 1 then place end) as first_place_code,
        max(case when starts_placement = 1 then rne end) as starting_rne

    from numbered

    group by la_code, child_id, placement_number

),

final as (

    select

        la_code,
        child_id,
        placement_number,
        period_number,
        first_place_code,
        starting_rne,
        placement_start_date,
        placement_end_date,
        lag(placement_start_date) over (
            partition by la_code, child_id order by placement_number
        ) as previous_placement_start_date,
        lag(period_number) over (
            partition by la_code, child_id order by placement_number
        ) as previous_period_number

    from placements

)

select * from final
