{{ config(enabled=var('regional_hub', false)) }}

select
    la_code,
    indicator_id,
    month_end,
    cohort,
    cast(numerator as {{ double_type() }}) as numerator,
    cast(denominator as {{ double_type() }}) as denominator,
    cast(value as {{ double_type() }}) as value,
    unit,
    polarity
from {{ source('share', 'indicator_months') }}
