{{ config(enabled=var('regional_hub', false)) }}

-- Each scorecard indicator by authority, month and cohort, beside the region's total for the same month: the sum
-- of the numerators and denominators of every authority whose data reach that month, valued by the indicator's
-- unit as each authority's own figure is.

with

authorities as (

    select * from {{ ref('regional__authorities') }}

),

figures as (

    select * from {{ ref('stg_share__indicator_months') }}

),

reached as (

    select
        figures.*,
        authorities.la_name,
        authorities.data_up_to
    from figures
    inner join authorities
        on figures.la_code = authorities.la_code
    where figures.month_end <= authorities.data_up_to

),

region as (

    select
        indicator_id,
        month_end,
        cohort,
        unit,
        sum(numerator) as numerator,
        sum(denominator) as denominator,
        count(*) as authorities_counted
    from reached
    group by indicator_id, month_end, cohort, unit

)

select
    reached.la_code,
    reached.la_name,
    reached.indicator_id,
    reached.month_end,
    reached.cohort,
    reached.unit,
    reached.polarity,
    reached.numerator,
    reached.denominator,
    reached.value,
    region.numerator as region_numerator,
    region.denominator as region_denominator,
    {{ regional_value('region.unit', 'region.numerator', 'region.denominator') }} as region_value,
    region.authorities_counted,
    reached.data_up_to

from reached
inner join region
    on reached.indicator_id = region.indicator_id
    and reached.month_end = region.month_end
    and reached.cohort = region.cohort
    and reached.unit = region.unit
