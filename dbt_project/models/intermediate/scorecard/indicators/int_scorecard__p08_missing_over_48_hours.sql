{{ config(materialized='view') }}

{#- P08, rolling 12 months count: missing-from-care episodes (type M; away from placement, A, left out) that
    began in the 12 months to the month end and lasted more than 48 hours by then. The extract has dates, not
    times: an episode lasts more than 48 hours when it ended (or, still open, had lasted to the month end) more
    than two days after the day it began. The subject is the child; the numerator is their number of such
    episodes. -#}

with

month_ends as (

    select month_end, rolling_12_start from {{ ref('int_scorecard__month_ends') }}

),

missing as (

    select child_id, start_date, end_date

    from {{ ref('stg_case_system__missing_episodes') }}

    where la_code = '{{ la_code() }}'
        and missing_type = 'M'

),

long_episodes as (

    select
        month_ends.month_end,
        missing.child_id

    from month_ends

    inner join missing
        on missing.start_date between month_ends.rolling_12_start and month_ends.month_end

    where {{ dbt.datediff(
        'missing.start_date',
        'case when missing.end_date is null or missing.end_date > month_ends.month_end
            then month_ends.month_end else missing.end_date end',
        'day'
    ) }} > 2

),

final as (

    select
        cast('P08' as {{ dbt.type_string() }}) as indicator_id,
        month_end,
        cast(child_id as {{ dbt.type_string() }}) as subject_id,
        cast(count(*) as double precision) as numerator,
        cast(0 as double precision) as denominator

    from long_episodes

    group by month_end, child_id

)

select * from final
