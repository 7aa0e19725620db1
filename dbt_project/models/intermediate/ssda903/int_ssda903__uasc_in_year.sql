{#-
    The UASC rows the warehouse derives for each collection year: one row per child looked after in the year
    who was an unaccompanied asylum-seeking child at some time in it (the status had not ceased, nor the
    child turned 18, before 1 April). A care leaver who is not looked after in the year has no row, even when
    in the year's Header (rule 1014: no UASC information for care leavers). DUC is the date the status ceased
    when that was on or before 31 March; else, for a child who left care during the year and is not looked
    after in the next, the day they left (the 903 follows UASC status only while the child is looked after,
    and a child UASC last year and not this year must have last year's DUC in last year, rule 205A; one who
    comes back into care as UASC the next year keeps the 18th birthday, rule 205B); else the child's 18th
    birthday, the day it ceases at the latest (rule 304): DfE expects last year's DUC to be the 18th birthday
    for a child UASC in both years (205B), no DUC before the year's start (104), and a child no longer UASC
    to leave the table (205A).
-#}

with

collection_years as (

    select
        *,
        lead(collection_year) over (order by year_start_date) as next_collection_year

    from {{ ref('int_ssda903__collection_years') }}

),

looked_after_in_year as (

    select * from {{ ref('int_ssda903__looked_after_in_year') }}

),

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

    where end_date is not null

),

header as (

    select * from {{ ref('int_ssda903__header_in_year') }}

),

children as (

    select * from {{ ref('stg_case_system__children') }}

    where is_uasc

),

-- The day each child last left care in each year (for a child no longer looked after at its end).
left_care as (

    {{ ssda903_latest_in_year('periods', 'end_date', 'left_care_date') }}

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
        looked_after_in_year.is_looked_after_at_year_end,
        left_care.left_care_date,
        looked_after_next_year.child_id is not null as is_looked_after_next_year,
        collection_years.year_start_date,
        collection_years.year_end_date

    from header

    inner join collection_years
        on header.collection_year = collection_years.collection_year

    inner join children
        on header.la_code = children.la_code
        and header.child = children.child_id

    inner join looked_after_in_year
        on header.la_code = looked_after_in_year.la_code
        and header.collection_year = looked_after_in_year.collection_year
        and header.child = looked_after_in_year.child_id

    left join left_care
        on header.la_code = left_care.la_code
        and header.collection_year = left_care.collection_year
        and header.child = left_care.child_id

    left join looked_after_in_year as looked_after_next_year
        on header.la_code = looked_after_next_year.la_code
        and collection_years.next_collection_year = looked_after_next_year.collection_year
        and header.child = looked_after_next_year.child_id

),

dated as (

    select

        *,
        case
            when uasc_ceased_date <= year_end_date then uasc_ceased_date
            when not is_looked_after_at_year_end
                and not is_looked_after_next_year
                and left_care_date < eighteenth_birthday
                then left_care_date
            else eighteenth_birthday
        end as ceased_date

    from uasc_children

),

final as (

    select
        la_code,
        collection_year,
        child,
        sex,
        dob,
        ceased_date as duc

    from dated

    where ceased_date >= year_start_date

)

select * from final
