{{ config(enabled=var('regional_hub', false)) }}

select
    la_code,
    indicator_id,
    month_end,
    cohort,
    cast(numerator as {{ dbt.type_float() }}) as numerator,
    cast(denominator as {{ dbt.type_float() }}) as denominator,
    cast(value as {{ dbt.type_float() }}) as value,
    unit,
    polarity
from {{ source('share', 'indicator_months') }}
