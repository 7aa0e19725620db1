{{ config(enabled=var('regional_hub', false)) }}

select
    la_code,
    la_name,
    share_month,
    data_up_to
from {{ source('share', 'share_manifest') }}
