{#- The scorecard: every indicator at every month end, for all children and excluding UASC, overall and by
    each breakdown the indicator allows, with its target, RAG rating, the previous month's and quarter's
    values, the direction of travel, the year's outturn and comparators. Sums of scorecard__children_counted,
    so every figure leads back to the children in it. -#}

{%- set breakdowns = ['age_band', 'sex', 'ethnicity_group', 'district', 'team', 'placement_type'] -%}
{%- set indicator_ids = [] -%}
{%- for model_name in scorecard_indicator_models() -%}
    {%- do indicator_ids.append(scorecard_indicator_id(model_name)) -%}
{%- endfor %}

with

month_ends as (

    select * from {{ ref('int_scorecard__month_ends') }}

),

indicators as (

    select * from {{ ref('scorecard_indicators') }}

    where indicator_id in ('{{ indicator_ids | join("', '") }}')

),

targets as (

    select * from {{ source('reference', 'scorecard_targets') }}

),

comparators as (

    select * from {{ source('reference', 'scorecard_comparators') }}

),

population as (

    select year, population from {{ source('reference', 'population_under_18') }}

    where la_code = '{{ la_code() }}'

),

-- how far each source's data reaches (audit.sources, written at each load): a month the source an indicator
-- needs does not reach has no figure and says why, never a zero. A source the table does not list (a warehouse
-- built by hand, without the ingest) is not judged.
coverage as (

    select source, data_up_to

    from {{ source('audit', 'sources') }}

    where la_code = '{{ la_code() }}'

),

-- months the optional workforce extract covers (staffing figures only for those)
workforce_months as (

    select distinct month_end

    from {{ ref('int_scorecard__social_work_posts') }}

),

-- each breakdown's sums straight from the children counted, by UASC status (the cohorts below add the statuses
-- up): each select scans the table's few columns it needs, where a shared CTE would be copied whole first
by_breakdown as (

    select
        indicator_id, month_end, coalesce(is_uasc, false) as is_uasc,
        'all' as breakdown, 'all' as breakdown_value,
        sum(numerator) as numerator, sum(denominator) as denominator
    from {{ ref('scorecard__children_counted') }}
    group by indicator_id, month_end, coalesce(is_uasc, false)

    {%- for breakdown in breakdowns %}

    union all

    select
        indicator_id, month_end, coalesce(is_uasc, false) as is_uasc,
        '{{ breakdown }}' as breakdown, coalesce({{ breakdown }}, 'Not known') as breakdown_value,
        sum(numerator) as numerator, sum(denominator) as denominator
    from {{ ref('scorecard__children_counted') }}
    group by indicator_id, month_end, coalesce(is_uasc, false), coalesce({{ breakdown }}, 'Not known')
    {%- endfor %}

),

sums as (

    select
        indicator_id, month_end, 'all' as cohort, breakdown, breakdown_value,
        sum(numerator) as numerator, sum(denominator) as denominator
    from by_breakdown
    group by indicator_id, month_end, breakdown, breakdown_value

    union all

    select
        indicator_id, month_end, 'excluding_uasc' as cohort, breakdown, breakdown_value,
        numerator, denominator
    from by_breakdown
    where not is_uasc

),

-- every indicator has a row at every month end for the whole cohort, even with nobody counted (a count of 0)
grid as (

    select
        indicators.indicator_id,
        month_ends.month_end,
        cohort_names.cohort,
        'all' as breakdown,
        'all' as breakdown_value

    from indicators

    cross join month_ends

    cross join (select 'all' as cohort union all select 'excluding_uasc' as cohort) as cohort_names

),

figures as (

    select
        coalesce(grid.indicator_id, sums.indicator_id) as indicator_id,
        coalesce(grid.month_end, sums.month_end) as month_end,
        coalesce(grid.cohort, sums.cohort) as cohort,
        coalesce(grid.breakdown, sums.breakdown) as breakdown,
        coalesce(grid.breakdown_value, sums.breakdown_value) as breakdown_value,
        coalesce(sums.numerator, 0) as numerator,
        coalesce(sums.denominator, 0) as denominator

    from grid

    full outer join sums
        on grid.indicator_id = sums.indicator_id
        and grid.month_end = sums.month_end
        and grid.cohort = sums.cohort
        and grid.breakdown = sums.breakdown
        and grid.breakdown_value = sums.breakdown_value

),

allowed as (

    select figures.*

    from figures

    inner join indicators
        on figures.indicator_id = indicators.indicator_id

    where figures.breakdown = 'all'
        or {{ dbt.position(
            dbt.concat(["';'", 'figures.breakdown', "';'"]),
            dbt.concat(["';'", "coalesce(indicators.breakdowns, '')", "';'"])
        ) }} > 0

),

-- the indicator's own source (case_system+postcodes: the case system) against the month
covered as (

    select
        allowed.*,
        case
            when indicators.source = 'workforce' and workforce_months.month_end is null
                then 'no data: no workforce snapshot at the month end'
            when coverage.source is null or coverage.data_up_to >= allowed.month_end then null
            when coverage.data_up_to is null
                then {{ dbt.concat(["'no data: no '", 'coverage.source', "' extract loaded'"]) }}
            else {{ dbt.concat([
                "'no data: '", 'coverage.source', "' ends '",
                'cast(coverage.data_up_to as ' ~ dbt.type_string() ~ ')'
            ]) }}
        end as no_data_reason

    from allowed

    inner join indicators
        on allowed.indicator_id = indicators.indicator_id

    left join coverage
        on coverage.source = {{ dbt.split_part('indicators.source', "'+'", 1) }}

    left join workforce_months
        on allowed.month_end = workforce_months.month_end

),

-- C04's denominator is the under-18 population of the latest year on or before the month end
populations as (

    select
        month_ends.month_end,
        population.population,
        row_number() over (partition by month_ends.month_end order by population.year desc) as latest_first

    from month_ends

    inner join population
        on population.year <= extract(year from month_ends.month_end)

),

valued as (

    select
        allowed.indicator_id,
        allowed.month_end,
        allowed.cohort,
        allowed.breakdown,
        allowed.breakdown_value,
        allowed.no_data_reason,
        case when allowed.no_data_reason is null then allowed.numerator end as numerator,
        case
            when allowed.no_data_reason is not null then null
            when indicators.unit = 'rate_per_10000' then populations.population
            else allowed.denominator
        end as denominator,
        case
            when allowed.no_data_reason is not null then null
            when indicators.unit = 'count' then allowed.numerator
            when indicators.unit = 'rate_per_10000'
                then case when populations.population > 0 then allowed.numerator * 10000.0 / populations.population end
            when allowed.denominator = 0 then null
            when indicators.unit = 'percent' then 100.0 * allowed.numerator / allowed.denominator
            else allowed.numerator / allowed.denominator
        end as value,
        targets.target,
        indicators.polarity,
        indicators.unit,
        indicators.rag_tolerance

    from covered as allowed

    inner join indicators
        on allowed.indicator_id = indicators.indicator_id

    inner join month_ends
        on allowed.month_end = month_ends.month_end

    left join targets
        on allowed.indicator_id = targets.indicator_id
        and month_ends.year_ending = targets.year_ending

    left join populations
        on allowed.month_end = populations.month_end
        and populations.latest_first = 1

),

-- RAG (the 2015 scorecard's guidance notes, source-documents 001): green when the target is met, amber when within the indicator's tolerance,
-- red beyond; for polarity T green within the tolerance, amber within twice it. None for activity counts,
-- context indicators (no polarity), a zero denominator (no value) or no target.
rated as (

    select
        *,
        case
            when value is null or target is null or rag_tolerance is null or unit = 'count'
                or coalesce(polarity, '') = '' then null
            when polarity = 'H' and value >= target then 'green'
            when polarity = 'H' and value >= target - rag_tolerance then 'amber'
            when polarity = 'H' then 'red'
            when polarity = 'L' and value <= target then 'green'
            when polarity = 'L' and value <= target + rag_tolerance then 'amber'
            when polarity = 'L' then 'red'
            when polarity = 'T' and abs(value - target) <= rag_tolerance then 'green'
            when polarity = 'T' and abs(value - target) <= 2 * rag_tolerance then 'amber'
            when polarity = 'T' then 'red'
        end as rag

    from valued

),

with_history as (

    select
        rated.*,
        previous_month.value as previous_value,
        previous_quarter.value as previous_quarter_value,
        outturn.value as outturn

    from rated

    inner join month_ends
        on rated.month_end = month_ends.month_end

    left join rated as previous_month
        on rated.indicator_id = previous_month.indicator_id
        and rated.cohort = previous_month.cohort
        and rated.breakdown = previous_month.breakdown
        and rated.breakdown_value = previous_month.breakdown_value
        and previous_month.month_end = month_ends.previous_month_end

    left join rated as previous_quarter
        on rated.indicator_id = previous_quarter.indicator_id
        and rated.cohort = previous_quarter.cohort
        and rated.breakdown = previous_quarter.breakdown
        and rated.breakdown_value = previous_quarter.breakdown_value
        and previous_quarter.month_end = month_ends.previous_quarter_month_end

    left join rated as outturn
        on rated.indicator_id = outturn.indicator_id
        and outturn.cohort = 'all'
        and outturn.breakdown = 'all'
        and outturn.month_end = month_ends.last_march_end

),

-- Direction of travel against the previous month, by polarity, on values as the scorecard shows them (one
-- decimal place): H up is improved, L down is improved, T closer to the target is improved.
directed as (

    select
        *,
        case
            when coalesce(polarity, '') = '' or value is null or previous_value is null then null
            when round(value, 1) = round(previous_value, 1) then 'same'
            when polarity = 'H' then case when value > previous_value then 'improved' else 'worse' end
            when polarity = 'L' then case when value < previous_value then 'improved' else 'worse' end
            when polarity = 'T' and target is null then null
            when polarity = 'T' then
                case
                    when round(abs(value - target), 1) = round(abs(previous_value - target), 1) then 'same'
                    when abs(value - target) < abs(previous_value - target) then 'improved'
                    else 'worse'
                end
        end as direction_of_travel

    from with_history

),

latest_comparators as (

    select
        month_ends.month_end,
        comparators.indicator_id,
        comparators.comparator,
        comparators.value,
        row_number() over (
            partition by month_ends.month_end, comparators.indicator_id, comparators.comparator
            order by comparators.year_ending desc
        ) as latest_first

    from month_ends

    inner join comparators
        on comparators.year_ending <= month_ends.year_ending

),

final as (

    select

        cast('{{ la_code() }}' as {{ dbt.type_string() }}) as la_code,
        directed.indicator_id,
        directed.month_end,
        directed.cohort,
        directed.breakdown,
        directed.breakdown_value,
        directed.numerator,
        directed.denominator,
        directed.value,
        directed.target,
        directed.rag,
        directed.previous_value,
        directed.previous_quarter_value,
        directed.direction_of_travel,
        directed.outturn,
        england.value as england,
        statistical_neighbours.value as statistical_neighbours,
        directed.no_data_reason

    from directed

    left join latest_comparators as england
        on directed.month_end = england.month_end
        and directed.indicator_id = england.indicator_id
        and england.comparator = 'england'
        and england.latest_first = 1

    left join latest_comparators as statistical_neighbours
        on directed.month_end = statistical_neighbours.month_end
        and directed.indicator_id = statistical_neighbours.indicator_id
        and statistical_neighbours.comparator = 'statistical_neighbours'
        and statistical_neighbours.latest_first = 1

)

select * from final
