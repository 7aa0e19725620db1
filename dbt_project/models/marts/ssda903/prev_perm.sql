{#-
    903 PrevPerm for every collection year the warehouse reports: the rows it derives from the extracts
    (int_ssda903__prev_perm_in_year, which says how) and the rows of returns made before
    (stg_submitted_returns__prev_perm), in DfE's columns and order.
-#}

with

derived as (

    select * from {{ ref('int_ssda903__prev_perm_in_year') }}

),

submitted as (

    select * from {{ ref('stg_submitted_returns__prev_perm') }}

),

final as (

    {{ ssda903_return_rows([
        'child', 'dob', 'prev_perm', 'la_perm', 'date_perm'
    ]) }}

)

select * from final
