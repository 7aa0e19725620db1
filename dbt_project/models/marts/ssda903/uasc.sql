{#-
    903 UASC for every collection year the warehouse reports: the rows it derives from the extracts
    (int_ssda903__uasc_in_year, which says how) and the rows of returns made before
    (stg_submitted_returns__uasc), in DfE's columns and order.
-#}

with

derived as (

    select * from {{ ref('int_ssda903__uasc_in_year') }}

),

submitted as (

    select * from {{ ref('stg_submitted_returns__uasc') }}

),

final as (

    {{ ssda903_return_rows([
        'child', 'sex', 'dob', 'duc'
    ]) }}

)

select * from final
