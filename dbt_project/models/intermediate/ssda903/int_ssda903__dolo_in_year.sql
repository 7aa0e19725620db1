{#-
    The DoLo rows the warehouse derives for each collection year from 2026/27 (the table's first year): one
    row per court order authorising the deprivation of liberty of a child looked after in the year, for
    orders in force at some time in the year (started by 31 March, rule 703; not ended before 1 April, rule
    704; an order open last year is returned again, rule 706). DOLO_END is blank while the order was still
    in force at 31 March.
-#}

with

orders as (

    select * from {{ ref('stg_case_system__deprivation_of_liberty_orders') }}

),

-- children_in_year and collection_years come with the from clause: each child looked after in a year, with
-- their orders in force at some time in it
final as (

    select
        {{ ssda903_child_columns('children_in_year') }},
        orders.start_date as dolo_start,
        {{ ssda903_end_in_year('orders.end_date') }} as dolo_end

    {{ ssda903_from_records_in_year('orders', 'start_date', 'end_date') }}

    -- DoLo is collected from 2026/27
    where collection_years.year_ending >= 2027

)

select * from final
