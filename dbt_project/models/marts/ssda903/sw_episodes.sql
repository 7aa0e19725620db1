{#-
    903 SWEpisodes (from 2023/24): one row per allocation of a social worker to a child looked after in the
    collection year (other than on short breaks only, rules SW01 and SW12), for allocations overlapping the
    social-worker reporting period. From 2024/25 that period starts a year before the collection year
    (1 April of the previous year), so that every change of social worker in the last two years is
    returned (rules SW06, SW07, SW12); in 2023/24, the first year, it is the collection year.
    SW_DEC is blank while the allocation was open at 31 March (rules SW07, SW17).
    SW_REASON is the reason for the change of social worker that started the episode: the reason the
    child's previous allocation ended. DfE requires it on every episode starting from 1 April 2023, open
    ones included (SW01b, SW13), and checks it against the previous episode's end (SW10), so it describes
    the change into the episode, not out of it. A child's first allocation has none.
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

children_in_year as (

    select
        la_code,
        collection_year,
        child_id,
        date_of_birth

    from {{ ref('int_ssda903__looked_after_in_year') }}

    where has_care_other_than_short_breaks

),

allocations as (

    select
        la_code,
        child_id,
        social_worker_id,
        start_date,
        end_date,
        lag(reason_ended_code) over (
            partition by la_code, child_id
            order by start_date, end_date, social_worker_id
        ) as change_reason_code

    from {{ ref('stg_case_system__social_worker_allocations') }}

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
