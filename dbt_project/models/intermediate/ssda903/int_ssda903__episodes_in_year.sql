{#-
    The Episodes rows the warehouse derives for each collection year: every episode of care open at any time
    in the year (DECOM on or before 31 March, and DEC blank or on or after 1 April), from
    int_ssda903__care_episodes, in DfE's columns. An episode still open at the year's 31 March has DEC, REC
    and REASON_PLACE_CHANGE blank in that year's return (DfE rule 233: no reason for a placement change on an
    open episode), and appears again, ended, the next year.
-#}

with

collection_years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

care_episodes as (

    select * from {{ ref('int_ssda903__care_episodes') }}

),

episodes_in_year as (

    select

        care_episodes.*,
        collection_years.collection_year,
        care_episodes.dec is not null and care_episodes.dec <= collection_years.year_end_date
            as has_ceased_in_year

    from care_episodes

    inner join collection_years
        on {{ ssda903_overlaps_year('care_episodes.decom', 'care_episodes.dec') }}

),

final as (

    select

        la_code,
        collection_year,
        cast(child_id as {{ dbt.type_string() }}) as child,
        decom,
        cast(rne as {{ dbt.type_string() }}) as rne,
        cast(ls as {{ dbt.type_string() }}) as ls,
        cast(cin as {{ dbt.type_string() }}) as cin,
        cast(place as {{ dbt.type_string() }}) as place,
        cast(place_provider as {{ dbt.type_string() }}) as place_provider,
        case when has_ceased_in_year then dec end as dec,
        cast(case when has_ceased_in_year then rec end as {{ dbt.type_string() }}) as rec,
        cast(
            case when has_ceased_in_year then reason_place_change end as {{ dbt.type_string() }}
        ) as reason_place_change,
        cast(home_post as {{ dbt.type_string() }}) as home_post,
        cast(pl_post as {{ dbt.type_string() }}) as pl_post,
        -- The placeholder URN XXXXXXX is for placements through a regional adoption agency (DfE rule 242 from
        -- 2025/26: A3-A6, U1-U6), and a placement outside England has no URN at all (rule 243): elsewhere the
        -- case system's placeholder means "no URN", and the return leaves it blank. Blank is as valid as the
        -- placeholder in earlier years (rules 218, 222), so every year's return is written the same way and an
        -- episode carried from one year to the next keeps its URN (rule 503F).
        cast(
            case
                when pl_la in ('CON', 'NIR', 'SCO', 'WAL', 'NUK') then null
                when urn = 'XXXXXXX'
                    and coalesce(place, '') not in ('A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6')
                    then null
                else urn
            end as {{ dbt.type_string() }}
        ) as urn,
        pl_distance,
        cast(pl_la as {{ dbt.type_string() }}) as pl_la,
        cast(pl_location as {{ dbt.type_string() }}) as pl_location

    from episodes_in_year

)

select * from final
