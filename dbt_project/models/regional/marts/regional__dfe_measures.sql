{{ config(enabled=var('regional_hub', false)) }}

-- DfE's headline measures of children looked after, computed at every month end from each authority's 903
-- episodes, beside the region's total: children looked after at the month end, children who started and ceased
-- to be looked after in the month, the share placed more than 20 miles from home, and children missing in the
-- month. An episode open across 31 March is in two years' returns: its newest version is used.

with

authorities as (

    select * from {{ ref('regional__authorities') }}

),

episode_versions as (

    select
        la_code,
        child_pseudonym,
        decom,
        dec,
        rne,
        rec,
        pl_distance,
        row_number() over (
            partition by la_code, child_pseudonym, decom order by collection_year desc
        ) as newest_first
    from {{ ref('stg_share__episodes') }}
    where return_source = 'derived'

),

episodes as (

    select * from episode_versions where newest_first = 1

),

missing_episodes as (

    select distinct la_code, child_pseudonym, mis_start
    from {{ ref('stg_share__missing') }}
    where return_source = 'derived' and missing = 'M'

),

month_ends as (

    select distinct
        figures.la_code,
        figures.month_end,
        cast({{ dbt.date_trunc('month', 'figures.month_end') }} as date) as month_start
    from {{ ref('stg_share__indicator_months') }} as figures
    inner join authorities
        on figures.la_code = authorities.la_code
    where figures.month_end <= authorities.data_up_to

),

looked_after as (

    select
        month_ends.la_code,
        month_ends.month_end,
        count(distinct episodes.child_pseudonym) as looked_after,
        count(distinct case when episodes.pl_distance > 20 then episodes.child_pseudonym end) as placed_over_20_miles
    from month_ends
    left join episodes
        on episodes.la_code = month_ends.la_code
        and episodes.decom <= month_ends.month_end
        and (episodes.dec is null or episodes.dec > month_ends.month_end)
    group by month_ends.la_code, month_ends.month_end

),

movements as (

    select
        month_ends.la_code,
        month_ends.month_end,
        count(distinct case
            when episodes.rne = 'S' and episodes.decom >= month_ends.month_start then episodes.child_pseudonym
        end) as started,
        count(distinct case
            when episodes.dec >= month_ends.month_start and episodes.rec <> 'X1' then episodes.child_pseudonym
        end) as ceased
    from month_ends
    left join episodes
        on episodes.la_code = month_ends.la_code
        and (
            episodes.decom between month_ends.month_start and month_ends.month_end
            or episodes.dec between month_ends.month_start and month_ends.month_end
        )
    group by month_ends.la_code, month_ends.month_end

),

went_missing as (

    select
        month_ends.la_code,
        month_ends.month_end,
        count(distinct missing_episodes.child_pseudonym) as missing
    from month_ends
    left join missing_episodes
        on missing_episodes.la_code = month_ends.la_code
        and missing_episodes.mis_start between month_ends.month_start and month_ends.month_end
    group by month_ends.la_code, month_ends.month_end

),

by_month as (

    select
        looked_after.la_code,
        looked_after.month_end,
        looked_after.looked_after,
        looked_after.placed_over_20_miles,
        movements.started,
        movements.ceased,
        went_missing.missing
    from looked_after
    inner join movements
        on looked_after.la_code = movements.la_code and looked_after.month_end = movements.month_end
    inner join went_missing
        on looked_after.la_code = went_missing.la_code and looked_after.month_end = went_missing.month_end

),

measures as (

    select la_code, month_end, 'looked_after' as measure_id, 'count' as unit,
        looked_after as numerator, cast(null as {{ dbt.type_bigint() }}) as denominator
    from by_month
    union all
    select la_code, month_end, 'started', 'count', started, cast(null as {{ dbt.type_bigint() }}) from by_month
    union all
    select la_code, month_end, 'ceased', 'count', ceased, cast(null as {{ dbt.type_bigint() }}) from by_month
    union all
    select la_code, month_end, 'placed_over_20_miles', 'percent', placed_over_20_miles, looked_after from by_month
    union all
    select la_code, month_end, 'missing', 'percent', missing, looked_after from by_month

),

region as (

    select
        measure_id,
        month_end,
        unit,
        sum(numerator) as numerator,
        sum(denominator) as denominator,
        count(*) as authorities_counted
    from measures
    group by measure_id, month_end, unit

)

select
    measures.la_code,
    authorities.la_name,
    measures.measure_id,
    measures.month_end,
    measures.unit,
    measures.numerator,
    measures.denominator,
    {{ regional_value('measures.unit', 'measures.numerator', 'measures.denominator') }} as value,
    region.numerator as region_numerator,
    region.denominator as region_denominator,
    {{ regional_value('region.unit', 'region.numerator', 'region.denominator') }} as region_value,
    region.authorities_counted,
    authorities.data_up_to

from measures
inner join authorities
    on measures.la_code = authorities.la_code
inner join region
    on measures.measure_id = region.measure_id
    and measures.month_end = region.month_end
