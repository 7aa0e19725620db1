{#- Where each placement is, for the 903's derived fields (spec 3.4, as DfE's guidance gives them):
    PL_DISTANCE, the straight line from the home postcode to the placement postcode in miles to one decimal,
    round(sqrt((E_home - E_pl)^2 + (N_home - N_pl)^2) / 1000 / 1.6093, 1); PL_LA, the upper-tier authority
    of the placement postcode's district (SCO, NIR, WAL for Scottish, Northern Irish, Welsh districts); and
    PL_LOCATION, IN when that is the child's own authority. Blank when a postcode is not in the directory.
    Who must not have them (UASC, short breaks) is decided on the episode, in int_ssda903__care_episodes. -#}

with

placements as (

    select * from {{ ref('stg_case_system__placements') }}

),

postcodes as (

    select * from {{ ref('stg_reference__postcodes') }}

),

local_authorities as (

    select * from {{ ref('stg_reference__local_authorities') }}

),

located as (

    select

        placements.la_code,
        placements.placement_id,
        placements.child_id,
        cast(home.easting - placed.easting as {{ dbt.type_numeric() }}) as easting_difference,
        cast(home.northing - placed.northing as {{ dbt.type_numeric() }}) as northing_difference,
        placed.ltla_code as placement_ltla_code,
        local_authorities.utla_code as placement_utla_code

    from placements

    left join postcodes as home
        on placements.home_postcode = home.postcode

    left join postcodes as placed
        on placements.placement_postcode = placed.postcode

    left join local_authorities
        on placed.ltla_code = local_authorities.ltla_code

),

placement_authorities as (

    select

        la_code,
        placement_id,
        child_id,
        easting_difference,
        northing_difference,
        case
            when placement_ltla_code like 'S%' then 'SCO'
            when placement_ltla_code like 'N%' then 'NIR'
            when placement_ltla_code like 'W%' then 'WAL'
            when placement_utla_code is not null then placement_utla_code
            -- a unitary, metropolitan or London authority created after the 2021 lookup is its own upper tier
            when placement_ltla_code like 'E06%'
                or placement_ltla_code like 'E08%'
                or placement_ltla_code like 'E09%'
                then placement_ltla_code
        end as pl_la

    from located

),

final as (

    select

        ---------- ids
        la_code,
        placement_id,
        child_id,

        ---------- codes
        pl_la,
        case
            when pl_la is null then null
            when pl_la = la_code then 'IN'
            else 'OUT'
        end as pl_location,

        ---------- numerics
        round(
            sqrt(easting_difference * easting_difference + northing_difference * northing_difference)
            / 1000 / 1.6093,
            1
        ) as pl_distance

    from placement_authorities

)

select * from final
