{#- Other authorities' children have no child_id here: the subject is the placing authority's code and its
    reference for the child ('E10000017:AB123'). A placement that ended on the month end is not counted at it. -#}

with

month_ends as (

    select * from {{ ref('int_scorecard__month_ends') }}

),

-- the only extract the scorecard reads without a base model of its own, so filtered to the authority here
placed_here as (

    select * from {{ ref('stg_case_system__other_la_children') }}

    where la_code = '{{ la_code() }}'

),

placed_at_month_end as (

    select distinct
        month_ends.month_end,
        {{ dbt.concat(['placed_here.placing_la_code', "':'", 'placed_here.child_reference']) }} as child_reference

    from month_ends

    inner join placed_here
        on {{ scorecard_in_force_at('placed_here.start_date', 'placed_here.end_date', 'month_ends.month_end') }}

),

{{ scorecard_indicator_rows('placed_at_month_end', subject='child_reference', numerator=1, denominator=0) }}
