{#-
    903 DoLo (from 2026/27): one row per court order authorising the deprivation of liberty of a child looked
    after in the collection year, for orders in force at some time in the year (started by 31 March, rule
    703; not ended before 1 April, rule 704; an order open last year is returned again, rule 706).
    DOLO_END is blank while the order was still in force at 31 March.
-#}

with

collection_years as (

    select
        collection_year,
        year_start_date,
        year_end_date

    from {{ ref('int_ssda903__collection_years') }}

    where year_ending >= 2027

),

children_in_year as (

    select
        la_code,
        collection_year,
        child_id,
        date_of_birth

    from {{ ref('int_ssda903__looked_after_in_year') }}

),

orders as (

    select
        la_code,
        child_id,
        start_date,
        end_date

    from {{ ref('stg_case_system__deprivation_of_liberty_orders') }}

),

orders_in_year as (

    select
        children_in_year.la_code,
        children_in_year.collection_year,
        children_in_year.child_id,
        children_in_year.date_of_birth,
        orders.start_date,
        case when orders.end_date <= collection_years.year_end_date then orders.end_date end as end_date

    from children_in_year

    inner join collection_years
        on children_in_year.collection_year = collection_years.collection_year

    inner join orders
        on children_in_year.la_code = orders.la_code
        and children_in_year.child_id = orders.child_id
        and orders.start_date <= collection_years.year_end_date
        and (orders.end_date is null or orders.end_date >= collection_years.year_start_date)

),

derived as (

    select
        la_code,
        collection_year,
        cast(child_id as {{ dbt.type_string() }}) as child,
        date_of_birth as dob,
        start_date as dolo_start,
        end_date as dolo_end

    from orders_in_year

),

submitted as (

    select * from {{ source('submitted_returns', 'dolo') }}

),

final as (

    select
        la_code,
        collection_year,
        child,
        dob,
        dolo_start,
        dolo_end,
        'derived' as return_source

    from derived

    union all

    select
        la_code,
        collection_year,
        child,
        dob,
        dolo_start,
        dolo_end,
        'submitted' as return_source

    from submitted

)

select * from final
