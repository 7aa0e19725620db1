{#- The scorecard's spine: every child the authority looked after at each month end (a 903 episode open at the
    end of the day, short breaks left out as in DfE's "looked after at 31 March"), with the characteristics the
    scorecard breaks figures down by and the facts most indicators start from. Only the authority's children
    (CLA_LA_CODE): the models built on this one need no filter of their own. -#}

with

month_ends as (

    select * from {{ ref('int_scorecard__month_ends') }}

),

episodes as (

    select * from {{ ref('int_ssda903__care_episodes') }}

    where la_code = '{{ la_code() }}'
        and not is_short_break

),

placements as (

    select * from {{ ref('int_scorecard__placements') }}

),

placement_locations as (

    select * from {{ ref('int_ssda903__placement_locations') }}

),

children as (

    select * from {{ ref('stg_case_system__children') }}

),

in_care as (

    select

        episodes.la_code,
        month_ends.month_end,
        month_ends.rolling_12_start,
        episodes.child_id,
        episodes.period_number,
        episodes.period_start_date,
        episodes.placement_id,
        episodes.carer_id,
        episodes.ls as legal_status_code,
        episodes.place as placement_type_code,
        episodes.place_provider as placement_provider_code,
        episodes.pl_la as placement_la_code,
        episodes.pl_location as placement_location

    from month_ends

    inner join episodes
        on {{ scorecard_in_force_at('episodes.decom', 'episodes.dec', 'month_ends.month_end') }}

),

with_placement as (

    select

        in_care.*,
        placements.placement_number,
        placements.placement_start_date,
        placements.previous_placement_start_date,
        placement_locations.pl_distance as distance_from_home_miles

    from in_care

    left join placements
        on {{ same_child('in_care', 'placements') }}
        and {{ scorecard_in_force_at(
            'placements.placement_start_date', 'placements.placement_end_date', 'in_care.month_end'
        ) }}

    left join placement_locations
        on in_care.la_code = placement_locations.la_code
        and in_care.placement_id = placement_locations.placement_id

),

with_child as (

    select

        with_placement.*,
        children.upn,
        children.date_of_birth,
        children.sex,
        children.ethnicity_code,
        children.district,
        children.team,
        coalesce(children.has_disability, false) as has_disability,
        coalesce(children.is_uasc, false)
            and (children.uasc_ceased_date is null or children.uasc_ceased_date > with_placement.month_end)
            as is_uasc,
        {{ completed_years('children.date_of_birth', 'with_placement.month_end') }} as age

    from with_placement

    left join children
        on {{ same_child('with_placement', 'children') }}

),

final as (

    select

        ---------- keys
        la_code,
        month_end,
        child_id,

        ---------- characteristics (the breakdowns)
        cast(age as integer) as age,
        {{ scorecard_age_band('age') }} as age_band,
        sex,
        {{ scorecard_ethnicity_group('ethnicity_code') }} as ethnicity_group,
        ethnicity_code,
        district,
        team,
        case
            when placement_type_code in ('U1', 'U2', 'U3', 'U4', 'U5', 'U6') then 'foster'
            when placement_type_code in ('A3', 'A4', 'A5', 'A6') then 'adoption'
            when placement_type_code = 'P1' then 'parents'
            when placement_type_code in ('K1', 'K2', 'R1', 'R2', 'R5', 'S1') then 'residential'
            when placement_type_code in ('P2', 'H5', 'K3') then 'independent living'
            else 'other'
        end as placement_type,
        is_uasc,
        has_disability,

        ---------- what the indicators start from
        upn,
        date_of_birth,
        period_number,
        period_start_date,
        period_start_date <= rolling_12_start as is_looked_after_12_months,
        legal_status_code,
        placement_id,
        carer_id,
        placement_type_code,
        placement_provider_code,
        placement_number,
        placement_start_date,
        previous_placement_start_date,
        placement_la_code,
        placement_location,
        distance_from_home_miles

    from with_child

)

select * from final
