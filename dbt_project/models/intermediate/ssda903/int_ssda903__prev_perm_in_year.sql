{#-
    The PrevPerm rows the warehouse derives for each collection year: one row per child who started to be
    looked after in the year (a period of care, and so a first episode with RNE S, starting between 1 April
    and 31 March; rule 630), with the permanence order the child had before: PREV_PERM (P1 adoption, P2
    special guardianship, P3 residence or child arrangements order, P4 unknown, Z1 none), LA_PERM (the old
    three-digit code of the authority that made it) and DATE_PERM, kept as text because DfE allows ZZ for an
    unknown day or month. A starter with no previous-permanence record is still returned, with the items
    blank, for the 903 validation to report.
    The case system keeps one record per child, about their latest start. When that record's order was made
    on or after the child's last start in the year (the child left care on an order and came back after the
    year), it is about the later start, not this year's: what the child had before this year's start is no
    longer known, and the row says so as DfE codes it (P4, LA_PERM 999, DATE_PERM ZZ/ZZ/ZZZZ) rather than
    carry a date after the start (rule 632).
-#}

with

starters as (

    select * from {{ ref('int_ssda903__looked_after_in_year') }}

    where started_care_in_year

),

collection_years as (

    select * from {{ ref('int_ssda903__collection_years') }}

),

periods as (

    select * from {{ ref('int_ssda903__looked_after_periods') }}

),

previous_permanence as (

    select * from {{ ref('stg_case_system__previous_permanence') }}

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

-- The day each starter last started to be looked after in the year.
latest_starts as (

    {{ ssda903_latest_in_year('periods', 'start_date', 'latest_start_date') }}

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
        on {{ same_child('starters', 'previous_permanence_dated') }}

    left join latest_starts
        on starters.la_code = latest_starts.la_code
        and starters.collection_year = latest_starts.collection_year
        and starters.child_id = latest_starts.child_id

),

final as (

    select
        {{ ssda903_child_columns() }},
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

)

select * from final
