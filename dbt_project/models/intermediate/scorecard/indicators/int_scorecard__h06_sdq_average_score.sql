{#- The latest SDQ is the one the 903 OC2 return would carry: when two fall on one day, the one with a score. -#}

with

cohort as (

    select * from {{ ref('int_scorecard__health_cohort') }}

    where age between 5 and 16

),

latest_sdq as (

    {{ scorecard_latest_health_record(
        'sdq', ['sdq_score'], then_by='case when records.sdq_score is null then 1 else 0 end', since='rolling_12_start'
    ) }}

),

scored as (

    select * from latest_sdq

    where sdq_score is not null

),

{{ scorecard_indicator_rows('scored', numerator='sdq_score') }}
