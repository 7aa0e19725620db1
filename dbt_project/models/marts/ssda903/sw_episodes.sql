{#-
    903 SWEpisodes (from 2023/24): one row per allocation of a social worker to a child looked after at 31 March
    (in a period of care other than short breaks), for allocations overlapping the social-worker reporting
    period. DfE collects social worker episodes for the children looked after at 31 March only (rule SW12STG2:
    "if a child is looked after on 31 March then all social worker episodes for the full previous year should be
    reported"; SW17STG2: every child in the table has an episode open at 31 March), so children who left care
    during the year are not returned. In the year in progress that means the children looked after at the
    extract date. From 2024/25 the reporting period starts a year before the collection year (1 April of the
    previous year), so that every change of social worker in the last two years is returned (rules SW06, SW07,
    SW12); in 2023/24, the first year, it is the collection year.
    SW_DEC is blank while the allocation was open at 31 March (rules SW07, SW17).
    SW_REASON is the reason for the change of social worker that started the episode. DfE requires it on every
    episode starting from 1 April 2023, open ones included (SW01b, SW13), and checks it against the previous
    episode's end (SW10), so it describes the change into the episode: the reason the child's previous
    allocation ended, when this one followed it without a gap. A child's first allocation, and one after a gap
    with no social worker (the case closed, then a re-referral), is FCONTA, "first contact or re-referral" (DfE's
    statistics on social worker changes count it as such, and SW10 expects FCONTA episodes to stand apart from
    the one before).
-#}

with

collection_years as (

    select
        collection_year,
        year_start_date,
        year_end_date,
        case
            when year_ending = 2024 then year_start_date
            else cast({{ dbt.dateadd('year', -1, 'year_start_date') }} as date)
        end as reporting_start_date

    from {{ ref('int_ssda903__collection_years') }}

    where year_ending >= 2024

),

periods as (

    select
        la_code,
        child_id,
        start_date,
        end_date,
        is_short_breaks

    from {{ ref('int_ssda903__looked_after_periods') }}

),

children as (

    select
        la_code,
        child_id,
        date_of_birth

    from {{ ref('stg_case_system__children') }}

),

children_looked_after_at_year_end as (

    select distinct
        periods.la_code,
        collection_years.collection_year,
        periods.child_id

    from periods

    inner join collection_years
        on periods.start_date <= collection_years.year_end_date
        and (periods.end_date is null or periods.end_date > collection_years.year_end_date)

    where not periods.is_short_breaks

),

children_in_year as (

    select
        children_looked_after_at_year_end.la_code,
        children_looked_after_at_year_end.collection_year,
        children_looked_after_at_year_end.child_id,
        children.date_of_birth

    from children_looked_after_at_year_end

    left join children
        on children_looked_after_at_year_end.la_code = children.la_code
        and children_looked_after_at_year_end.child_id = children.child_id

),

allocation_history as (

    select
        la_code,
        child_id,
        social_worker_id,
        start_date,
        end_date,
        lag(start_date) over (
            partition by la_code, child_id
            order by start_date, end_date, social_worker_id
        ) as previous_start_date,
        lag(end_date) over (
            partition by la_code, child_id
            order by start_date, end_date, social_worker_id
        ) as previous_end_date,
        lag(reason_ended_code) over (
            partition by la_code, child_id
            order by start_date, end_date, social_worker_id
        ) as previous_reason_ended_code

    from {{ ref('stg_case_system__social_worker_allocations') }}

),

allocations as (

    select
        la_code,
        child_id,
        social_worker_id,
        start_date,
        end_date,
        case
            when previous_start_date is null then 'FCONTA'
            when previous_end_date < start_date then 'FCONTA'
            else previous_reason_ended_code
        end as change_reason_code

    from allocation_history

),

allocations_in_year as (

    select
        children_in_year.la_code,
        children_in_year.collection_year,
        children_in_year.child_id,
        children_in_year.date_of_birth,
        allocations.social_worker_id,
        allocations.start_date,
        case when allocations.end_date <= collection_years.year_end_date then allocations.end_date end as end_date,
        allocations.change_reason_code

    from children_in_year

    inner join collection_years
        on children_in_year.collection_year = collection_years.collection_year

    inner join allocations
        on children_in_year.la_code = allocations.la_code
        and children_in_year.child_id = allocations.child_id
        and allocations.start_date <= collection_years.year_end_date
        and (allocations.end_date is null or allocations.end_date >= collection_years.reporting_start_date)

),

derived as (

    select
        la_code,
        collection_year,
        cast(child_id as {{ dbt.type_string() }}) as child,
        date_of_birth as dob,
        cast(social_worker_id as {{ dbt.type_string() }}) as sw_id,
        start_date as sw_decom,
        end_date as sw_dec,
        cast(change_reason_code as {{ dbt.type_string() }}) as sw_reason

    from allocations_in_year

),

submitted as (

    select * from {{ source('submitted_returns', 'sw_episodes') }}

),

final as (

    select
        la_code,
        collection_year,
        child,
        dob,
        sw_id,
        sw_decom,
        sw_dec,
        sw_reason,
        'derived' as return_source

    from derived

    union all

    select
        la_code,
        collection_year,
        child,
        dob,
        sw_id,
        sw_decom,
        sw_dec,
        sw_reason,
        'submitted' as return_source

    from submitted

)

select * from final
