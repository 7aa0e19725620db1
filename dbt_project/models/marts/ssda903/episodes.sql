{#-
    903 Episodes for every collection year the warehouse reports: the rows it derives from the extracts
    (int_ssda903__episodes_in_year, which says how) and the rows of returns made before
    (stg_submitted_returns__episodes), in DfE's columns and order.
-#}

with

derived as (

    select * from {{ ref('int_ssda903__episodes_in_year') }}

),

submitted as (

    select * from {{ ref('stg_submitted_returns__episodes') }}

),

final as (

    {{ ssda903_return_rows([
        'child', 'decom', 'rne', 'ls', 'cin', 'place', 'place_provider', 'dec', 'rec', 'reason_place_change',
        'home_post', 'pl_post', 'urn', 'pl_distance', 'pl_la', 'pl_location'
    ]) }}

)

select * from final
