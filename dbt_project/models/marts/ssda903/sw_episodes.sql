{#-
    903 SWEpisodes for every collection year the warehouse reports: the rows it derives from the extracts
    (int_ssda903__sw_episodes_in_year, which says how) and the rows of returns made before
    (stg_submitted_returns__sw_episodes), in DfE's columns and order.
-#}

with

derived as (

    select * from {{ ref('int_ssda903__sw_episodes_in_year') }}

),

submitted as (

    select * from {{ ref('stg_submitted_returns__sw_episodes') }}

),

final as (

    {{ ssda903_return_rows([
        'child', 'dob', 'sw_id', 'sw_decom', 'sw_dec', 'sw_reason'
    ]) }}

)

select * from final
