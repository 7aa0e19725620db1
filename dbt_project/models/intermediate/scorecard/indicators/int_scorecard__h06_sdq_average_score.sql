{#- The latest SDQ is the one the 903 OC2 return would carry: when two fall on one day, the one
    ssda903_same_day_sdq_order puts first (a scored one, the higher score). -#}

with

cohort as (

    select * from {{ ref('int_scorecard__health_cohort') }}

    where age between 5 and 16

),

latest_sdq as (

    {{ scorecard_latest_health_record(
        'sdq', ['sdq_score'], then_by=ssda903_same_day_sdq_order('records'), since='rolling_12_start'
    ) }}

),

scored as (

    select * from latest_sdq

    where sdq_score is not null

),

{{ scorecard_indicator_rows('scored', numerator='sdq_score') }}
