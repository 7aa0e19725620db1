{#-
    The SWEpisodes rows the warehouse derives for each collection year from 2023/24: one row per allocation
    of a social worker to a child looked after at 31 March (in a period of care other than short breaks), for
    allocations overlapping the social-worker reporting period. DfE collects social worker episodes for the
    children looked after at 31 March only (rule SW12STG2: "if a child is looked after on 31 March then all
    social worker episodes for the full previous year should be reported"; SW17STG2: every child in the table
    has an episode open at 31 March), so children who left care during the year are not returned. In the year
    in progress that means the children looked after at the extract date. From 2024/25 the reporting period
    starts a year before the collection year (1 April of the previous year), so that every change of social
    worker in the last two years is returned (rules SW06, SW07, SW12); in 2023/24, the first year, it is the
    collection year. SW_DEC is blank while the allocation was open at 31 March (rules SW07, SW17). SW_REASON
    is the reason for the change into the allocation (int_ssda903__social_worker_changes).
-#}

with

collection_years as (

    select
        *,
        case
            when year_ending = 2024 then year_start_date
            else cast({{ dbt.dateadd('year', -1, 'year_start_date') }} as date)
        end as reporting_start_date

    from {{ ref('int_ssda903__collection_years') }}

    where year_ending >= 2024

),

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

    where not is_short_breaks

),

children as (

    select * from {{ ref('stg_case_system__children') }}

),

allocations as (

    select * from {{ ref('int_ssda903__social_worker_changes') }}

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

),

final as (

    select
        {{ ssda903_child_columns('children_looked_after_at_year_end', dob_from='children') }},
        cast(allocations.social_worker_id as {{ dbt.type_string() }}) as sw_id,
        allocations.start_date as sw_decom,
        {{ ssda903_end_in_year('allocations.end_date') }} as sw_dec,
        cast(allocations.change_reason_code as {{ dbt.type_string() }}) as sw_reason

    from children_looked_after_at_year_end

    inner join collection_years
        on children_looked_after_at_year_end.collection_year = collection_years.collection_year

    left join children
        on {{ same_child('children_looked_after_at_year_end', 'children') }}

    inner join allocations
        on {{ same_child('children_looked_after_at_year_end', 'allocations') }}
        and allocations.start_date <= collection_years.year_end_date
        and (allocations.end_date is null or allocations.end_date >= collection_years.reporting_start_date)

)

select * from final
