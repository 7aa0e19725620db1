{{ config(enabled=var('regional_hub', false)) }}

select
    la_code,
    collection_year,
    child_pseudonym,
    decom,
    dec,
    rne,
    rec,
    place,
    cast(pl_distance as {{ double_type() }}) as pl_distance,
    return_source
from {{ source('share', 'episodes') }}
