with

fostered as (

    select * from {{ ref('int_scorecard__child_months') }}

    where placement_type = 'foster'
        and not is_uasc

),

{{ scorecard_indicator_rows(
    'fostered', in_numerator="placement_provider_code = 'PR1' or placement_type_code in ('U1', 'U2', 'U3')"
) }}
