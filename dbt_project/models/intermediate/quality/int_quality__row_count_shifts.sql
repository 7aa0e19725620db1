{#-
    How far each entity's loaded rows moved since the previous load: a share well beyond a month's growth
    means a truncated or duplicated extract. One row per entity of the latest load, with the previous load's
    count (blank on the first load).
-#}

with

history as (

    select * from {{ ref('int_quality__load_history') }}

),

latest as (

    select max(load_date) as load_date from history

),

previous as (

    select max(history.load_date) as load_date

    from history

    cross join latest

    where history.load_date < latest.load_date

),

current_load as (

    select history.*

    from history

    inner join latest
        on history.load_date = latest.load_date

),

previous_load as (

    select history.*

    from history

    inner join previous
        on history.load_date = previous.load_date

),

final as (

    select
        current_load.la_code,
        current_load.source,
        current_load.entity,
        current_load.load_date,
        previous_load.load_date as previous_load_date,
        current_load.rows_loaded,
        previous_load.rows_loaded as previous_rows_loaded,
        case
            when previous_load.rows_loaded > 0
                then cast(current_load.rows_loaded - previous_load.rows_loaded as {{ dbt.type_float() }})
                    / previous_load.rows_loaded
        end as share_change

    from current_load

    left join previous_load
        on current_load.la_code = previous_load.la_code
        and current_load.source = previous_load.source
        and current_load.entity = previous_load.entity

)

select * from final
