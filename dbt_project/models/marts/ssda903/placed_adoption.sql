{#-
    903 PlacedAdoption for every collection year the warehouse reports: the rows it derives from the extracts
    (int_ssda903__placed_adoption_in_year, which says how) and the rows of returns made before
    (stg_submitted_returns__placed_adoption), in DfE's columns and order.
-#}

with

derived as (

    select * from {{ ref('int_ssda903__placed_adoption_in_year') }}

),

submitted as (

    select * from {{ ref('stg_submitted_returns__placed_adoption') }}

),

final as (

    {{ ssda903_return_rows([
        'child', 'dob', 'date_placed', 'date_placed_ceased', 'reason_placed_ceased'
    ]) }}

)

select * from final
