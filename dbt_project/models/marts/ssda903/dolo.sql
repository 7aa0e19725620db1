{#-
    903 DoLo for every collection year the warehouse reports: the rows it derives from the extracts
    (int_ssda903__dolo_in_year, which says how) and the rows of returns made before
    (stg_submitted_returns__dolo), in DfE's columns and order.
-#}

with

derived as (

    select * from {{ ref('int_ssda903__dolo_in_year') }}

),

submitted as (

    select * from {{ ref('stg_submitted_returns__dolo') }}

),

final as (

    {{ ssda903_return_rows([
        'child', 'dob', 'dolo_start', 'dolo_end'
    ]) }}

)

select * from final
