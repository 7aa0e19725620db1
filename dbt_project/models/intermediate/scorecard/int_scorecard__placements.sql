{#- The authority's placements as DfE's stability measures count them: a run of 903 episodes in one placement. A placement
    starts with a period's first episode or an episode whose RNE is P, B, T or U (a change of placement);
    RNE L (legal status only) does not start one. A move to be placed for adoption with the existing foster
    carers (A3, A5 with RNE T or U) is not a change of placement (DfE). Short breaks (V3/V4) are left out.
    Each placement also carries the start of the child's time with the same carers (reset only by a move to
    new carers, RNE P or B), which DfE's long-term stability measure turns on ("with the same carer"). -#}

with

episodes as (

    select * from {{ ref('int_ssda903__care_episodes') }}

    where la_code = '{{ la_code() }}'
        and not is_short_break

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
            when row_number() over (partition by la_code, child_id, period_number order by decom) = 1 then 1
            when rne in ('P', 'B') then 1
            when rne in ('T', 'U') and place in ('A3', 'A5') then 0
            when rne in ('T', 'U') then 1
            else 0
        end as starts_placement,
        case
            when row_number() over (partition by la_code, child_id, period_number order by decom) = 1 then 1
            when rne in ('P', 'B') then 1
            else 0
        end as starts_with_carers

    from episodes

),

numbered_episodes as (

    select

        *,
        sum(starts_placement) over (
            partition by la_code, child_id
            order by decom
            rows between unbounded preceding and current row
        ) as placement_number,
        sum(starts_with_carers) over (
            partition by la_code, child_id
            order by decom
            rows between unbounded preceding and current row
        ) as carers_number

    from flagged

),

-- the child's times with the same carers, and the one before each
carers as (

    select
        la_code,
        child_id,
        carers_number,
        min(decom) as with_carers_since,
        lag(min(decom)) over (partition by la_code, child_id order by carers_number) as previous_carers_since

    from numbered_episodes

    group by la_code, child_id, carers_number

),

numbered as (

    select
        numbered_episodes.*,
        carers.with_carers_since,
        carers.previous_carers_since

    from numbered_episodes

    inner join carers
        on {{ same_child('numbered_episodes', 'carers') }}
        and numbered_episodes.carers_number = carers.carers_number

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
        max(case when starts_placement = 1 then rne end) as starting_rne,
        min(with_carers_since) as with_carers_since,
        min(previous_carers_since) as previous_carers_since

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
        with_carers_since,
        previous_carers_since,
        lag(placement_start_date) over (
            partition by la_code, child_id order by placement_number
        ) as previous_placement_start_date,
        lag(period_number) over (
            partition by la_code, child_id order by placement_number
        ) as previous_period_number

    from placements

)

select * from final
