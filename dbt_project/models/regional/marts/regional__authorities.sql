{{ config(enabled=var('regional_hub', false)) }}

-- One row per authority whose share the hub holds: its name, the month of its share and the date its data reach.

select
    la_code,
    la_name,
    share_month,
    data_up_to
from {{ ref('stg_share__share_manifest') }}
