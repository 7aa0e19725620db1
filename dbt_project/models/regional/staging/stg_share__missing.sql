{{ config(enabled=var('regional_hub', false)) }}

select
    la_code,
    collection_year,
    child_pseudonym,
    missing,
    mis_start,
    mis_end,
    return_source
from {{ source('share', 'missing') }}
