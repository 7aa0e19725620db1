{#-
    903 UASC: for each collection year, one row per child in the year's Header who was an unaccompanied
    asylum-seeking child at some time in the year (the status had not ceased, nor the child turned 18,
    before 1 April). DUC is the date the status ceased when that was on or before 31 March, else the child's
    18th birthday, the day it ceases at the latest (rule 304): DfE expects last year's DUC to be the 18th birthday for a child UASC in both
    years (205B), no DUC before the year's start (104), and a child no longer UASC to leave the table (205A).
-#}

with

collection_years as (

    select
        collection_year,
        year_start_date,
        year_end_date

    from {{ ref('int_ssda903__collection_years') }}

),

header as (

    select
        la_code,
        collection_year,
        child,
        sex,
        dob

    from {{ ref('header') }}

    where return_source = 'derived'

),

children as (

    select
        la_code,
        child_id,
        is_uasc,
        uasc_ceased_date,
        date_of_birth

    from {{ ref('stg_case_system__children') }}

    where is_uasc

),

uasc_children as (

    select

        header.la_code,
        header.collection_year,
        header.child,
        header.sex,
        header.dob,
        children.uasc_ceased_date,
        cast({{ dbt.dateadd('year', 18, 'children.date_of_birth') }} as date) as eighteenth_birthday,
        collection_years.year_start_date,
        collection_years.year_end_date

    from header

    inner join collection_years
        on header.collection_year = collection_years.collection_year

    inner join children
        on header.la_code = children.la_code
        and header.child = children.child_id

),

dated as (

    select

        *,
        case
            when uasc_ceased_date <= year_end_date then uasc_ceased_date
            else eighteenth_birthday
        end as ceased_date

    from uasc_children

),

derived as (

    select
        la_code,
        collection_year,
        child,
        sex,
        dob,
        ceased_date as duc

    from dated

    where ceased_date >= year_start_date

),

submitted as (

    select * from {{ source('submitted_returns', 'uasc') }}

),

final as (

    select
        la_code,
        collection_year,
        child,
        sex,
        dob,
        duc,
        'derived' as return_source

    from derived

    union all

    select
        la_code,
        collection_year,
        child,
        sex,
        dob,
        duc,
        'submitted' as return_source

    from submitted

)

select * from final
