{#-
    The same child recorded twice in the case system: two child ids holding the same UPN or the same NHS
    number. The ingest already keeps only the first of two rows with one child id, across every file of an
    extract; a child re-registered under a new id (often from a second file, after a transfer between teams)
    passes that, splits the child's history and breaks NHS-number linkage. One row per child.
-#}

with

children as (

    select
        la_code,
        child_id,
        upn,
        nhs_number,
        source_file

    from {{ ref('stg_case_system__children') }}

),

shared_upns as (

    select
        la_code,
        upn

    from children

    where upn is not null
        and upn not in {{ upn_unknown_codes() }}

    group by
        la_code,
        upn

    having count(*) > 1

),

shared_nhs_numbers as (

    select
        la_code,
        nhs_number

    from children

    where nhs_number is not null

    group by
        la_code,
        nhs_number

    having count(*) > 1

),

final as (

    select
        children.la_code,
        children.child_id,
        children.source_file,
        shared_upns.upn is not null as shares_upn,
        shared_nhs_numbers.nhs_number is not null as shares_nhs_number,
        shared_upns.upn is null and shared_nhs_numbers.nhs_number is null as is_unique

    from children

    left join shared_upns
        on children.la_code = shared_upns.la_code
        and children.upn = shared_upns.upn

    left join shared_nhs_numbers
        on children.la_code = shared_nhs_numbers.la_code
        and children.nhs_number = shared_nhs_numbers.nhs_number

)

select * from final
