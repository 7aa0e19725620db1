{#-
    903 AD1 for every collection year the warehouse reports: the rows it derives from the extracts
    (int_ssda903__ad1_in_year, which says how) and the rows of returns made before
    (stg_submitted_returns__ad1), in DfE's columns and order.
-#}

with

derived as (

    select * from {{ ref('int_ssda903__ad1_in_year') }}

),

submitted as (

    select * from {{ ref('stg_submitted_returns__ad1') }}

),

final as (

    {{ ssda903_return_rows([
        'child', 'dob', 'date_int', 'date_match', 'foster_care', 'nb_adoptr', 'sex_adoptr', 'ls_adoptr'
    ]) }}

)

select * from final
