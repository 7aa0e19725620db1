{#-
    903 Header for every collection year the warehouse reports: the rows it derives from the extracts
    (int_ssda903__header_in_year, which says how) and the rows of returns made before
    (stg_submitted_returns__header), in DfE's columns and order.
-#}

with

derived as (

    select * from {{ ref('int_ssda903__header_in_year') }}

),

submitted as (

    select * from {{ ref('stg_submitted_returns__header') }}

),

final as (

    {{ ssda903_return_rows([
        'child', 'sex', 'dob', 'ethnic', 'upn', 'mother', 'mc_dob'
    ]) }}

)

select * from final
