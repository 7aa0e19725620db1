with

adopted_in_year as (

    {{ scorecard_adoption_journeys_in_year('adopted_date', recorded=['ethnicity_code']) }}

),

-- REFU (refused) and NOBT (not yet obtained) are not an ethnicity
ethnicity_known as (

    select * from adopted_in_year

    where ethnicity_code not in ('REFU', 'NOBT')

),

{{ scorecard_indicator_rows('ethnicity_known', in_numerator="ethnicity_code not like 'W%'") }}
