{#-
    The DoLo rows the warehouse derives for each collection year from 2026/27 (the table's first year): one
    row per court order authorising the deprivation of liberty of a child looked after in the year, for
    orders in force at some time in the year (started by 31 March, rule 703; not ended before 1 April, rule
    704; an order open last year is returned again, rule 706). DOLO_END is blank while the order was still
    in force at 31 March.
-#}

with

collection_years as (

    select * from {{ ref('int_ssda903__collection_years') }}

    where year_ending >= 2027

),

children_in_year as (

    select * from {{ ref('int_ssda903__looked_after_in_year') }}

),

orders as (

    select * from {{ ref('stg_case_system__deprivation_of_liberty_orders') }}

),

final as (

    select
        children_in_year.la_code,
        children_in_year.collection_year,
        cast(children_in_year.child_id as {{ dbt.type_string() }}) as child,
        children_in_year.date_of_birth as dob,
        orders.start_date as dolo_start,
        {{ ssda903_end_in_year('orders.end_date') }} as dolo_end

    from children_in_year

    inner join collection_years
        on children_in_year.collection_year = collection_years.collection_year

    inner join orders
        on children_in_year.la_code = orders.la_code
        and children_in_year.child_id = orders.child_id
        and {{ ssda903_overlaps_year('orders.start_date', 'orders.end_date') }}

)

select * from final
