{#-
    903 PrevPerm: one row per child who started to be looked after in the collection year (a period of care,
    and so a first episode with RNE S, starting between 1 April and 31 March; rule 630), with the permanence
    order the child had before: PREV_PERM (P1 adoption, P2 special guardianship, P3 residence or child
    arrangements order, P4 unknown, Z1 none), LA_PERM (the old three-digit code of the authority that made
    it) and DATE_PERM, kept as text because DfE allows ZZ for an unknown day or month. A starter with no
    previous-permanence record is still returned, with the items blank, for the 903 validation to report.
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

previous_permanence as (

    select
        la_code,
        child_id,
        previous_permanence_code,
        order_la_code,
        order_date_text

    from {{ ref('stg_case_system__previous_permanence') }}

),

derived as (

    select
        starters.la_code,
        starters.collection_year,
        cast(starters.child_id as {{ dbt.type_string() }}) as child,
        starters.date_of_birth as dob,
        cast(previous_permanence.previous_permanence_code as {{ dbt.type_string() }}) as prev_perm,
        cast(previous_permanence.order_la_code as {{ dbt.type_string() }}) as la_perm,
        cast(previous_permanence.order_date_text as {{ dbt.type_string() }}) as date_perm

    from starters

    left join previous_permanence
        on starters.la_code = previous_permanence.la_code
        and starters.child_id = previous_permanence.child_id

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
