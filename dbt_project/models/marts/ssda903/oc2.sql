{#-
    903 OC2 for every collection year the warehouse reports: the rows it derives from the extracts
    (int_ssda903__oc2_in_year, which says how) and the rows of returns made before
    (stg_submitted_returns__oc2), in DfE's columns and order.
-#}

with

derived as (

    select * from {{ ref('int_ssda903__oc2_in_year') }}

),

submitted as (

    select * from {{ ref('stg_submitted_returns__oc2') }}

),

final as (

    {{ ssda903_return_rows([
        'child', 'dob', 'sdq_score', 'sdq_reason', 'convicted', 'health_check', 'immunisations',
        'teeth_check', 'health_assessment', 'substance_misuse', 'intervention_received',
        'intervention_offered'
    ]) }}

)

select * from final
