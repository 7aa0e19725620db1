-- 224: The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement provider recorded.
-- needs: providers
-- The register's PROVIDER_CODES lists the 903 placement-provider codes (PR0-PR5) the provision can have,
-- comma-separated. A URN the register does not know, or holds no provider codes for, is left to rule 1008.
with register as (
    select trim(cast(URN as varchar)) as urn,
           string_split(replace(upper(cast(PROVIDER_CODES as varchar)), ' ', ''), ',') as provider_codes
    from ofsted_providers
    where nullif(trim(cast(PROVIDER_CODES as varchar)), '') is not null
)
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join register as r on r.urn = e.URN
where e.URN <> 'XXXXXXX'
  and coalesce(e.LS, '') not in ('V3', 'V4')
  and e.PLACE_PROVIDER is not null
  and not list_contains(r.provider_codes, e.PLACE_PROVIDER)
