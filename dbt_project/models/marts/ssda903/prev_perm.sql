{#-
    903 PrevPerm: one row per child who started to be looked after in the collection year (a period of care,
    and so a first episode with RNE S, starting between 1 April and 31 March; rule 630), with the permanence
    order the child had before: PREV_PERM (P1 adoption, P2 special guardianship, P3 residence or child
    arrangements order, P4 unknown, Z1 none), LA_PERM (the old three-digit code of the authority that made
    it) and DATE_PERM, kept as text because DfE allows ZZ for an unknown day or month. A starter with no
    previous-permanence record is still returned, with the items blank, for the 903 validation to report.
    The case system keeps one record per child, about their latest start. When that record's order was made
    on or after the child's last start in the year (the child left care on an order and came back after the
    year), it is about the later start, not this year's: what the child had before this year's start is no
    longer known, and the row says so as DfE codes it (P4, LA_PERM 999, DATE_PERM ZZ/ZZ/ZZZZ) rather than
    carry a date after the start (rule 632).
-#}

with

starters as (

    select
        la_code,
        collection_year,
        child_id,
        date_of_birth

    from {{ ref('int_ssda903__looked_after_in_year') }}

    where started_care_in_year

),

collection_years as (

    select
        collection_year,
        year_start_date,
        year_end_date

    from {{ ref('int_ssda903__collection_years') }}

),

periods as (

    select
        la_code,
        child_id,
        start_date

    from {{ ref('int_ssda903__looked_after_periods') }}

),

previous_permanence as (

    select
        la_code,
        child_id,
        previous_permanence_code,
        order_la_code,
        order_date_text

    from {{ ref('stg_case_system__previous_permanence') }}

),

-- The earliest day the order could have been made, as yyyy-mm-dd text (ZZ for an unknown day or month read
-- as the first; compared as text, so a malformed date cannot stop the build); none when the year is unknown.
previous_permanence_dated as (

    select
        *,
        case
            when substr(order_date_text, 7, 4) <> 'ZZZZ'
                then {{ dbt.concat([
                    "substr(order_date_text, 7, 4)",
                    "'-'",
                    "case when substr(order_date_text, 4, 2) = 'ZZ' then '01' else substr(order_date_text, 4, 2) end",
                    "'-'",
                    "case when substr(order_date_text, 1, 2) = 'ZZ' then '01' else substr(order_date_text, 1, 2) end",
                ]) }}
        end as order_earliest_day

    from previous_permanence

),

latest_starts as (

    select
        periods.la_code,
        collection_years.collection_year,
        periods.child_id,
        max(periods.start_date) as latest_start_date

    from periods

    inner join collection_years
        on periods.start_date between collection_years.year_start_date and collection_years.year_end_date

    group by
        periods.la_code,
        collection_years.collection_year,
        periods.child_id

),

records_for_year as (

    select
        starters.la_code,
        starters.collection_year,
        starters.child_id,
        starters.date_of_birth,
        previous_permanence_dated.previous_permanence_code,
        previous_permanence_dated.order_la_code,
        previous_permanence_dated.order_date_text,
        coalesce(
            previous_permanence_dated.order_earliest_day
                >= cast(latest_starts.latest_start_date as {{ dbt.type_string() }}),
            false
        ) as is_about_a_later_start

    from starters

    left join previous_permanence_dated
        on starters.la_code = previous_permanence_dated.la_code
        and starters.child_id = previous_permanence_dated.child_id

    left join latest_starts
        on starters.la_code = latest_starts.la_code
        and starters.collection_year = latest_starts.collection_year
        and starters.child_id = latest_starts.child_id

),

derived as (

    select
        la_code,
        collection_year,
        cast(child_id as {{ dbt.type_string() }}) as child,
        date_of_birth as dob,
        cast(
            case when is_about_a_later_start then 'P4' else previous_permanence_code end
            as {{ dbt.type_string() }}
        ) as prev_perm,
        cast(case when is_about_a_later_start then '999' else order_la_code end as {{ dbt.type_string() }})
            as la_perm,
        cast(
            case when is_about_a_later_start then 'ZZ/ZZ/ZZZZ' else order_date_text end
            as {{ dbt.type_string() }}
        ) as date_perm

    from records_for_year

),

submitted as (

    select * from {{ source('submitted_returns', 'prev_perm') }}

),

final as (

    select
        la_code,
        collection_year,
        child,
        dob,
        prev_perm,
        la_perm,
        date_perm,
        'derived' as return_source

    from derived

    union all

    select
        la_code,
        collection_year,
        child,
        dob,
        prev_perm,
        la_perm,
        date_perm,
        'submitted' as return_source

    from submitted

)

select * from final
