-- 221: The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.
-- needs: providers
-- Placement types K1, K2, K3, R3 and S1 outside short breaks (V3/V4), with a URN other than the placeholder
-- XXXXXXX and a placement postcode: the postcode must be one the register holds for that URN. A URN the
-- register does not know (or holds no postcode for) is left to rule 1008. Postcodes compared upper-cased
-- without spaces.
with register as (
    select trim(cast(URN as varchar)) as urn,
           nullif(upper(replace(cast(POSTCODE as varchar), ' ', '')), '') as postcode
    from ofsted_providers
)
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where e.URN is not null and e.URN <> 'XXXXXXX'
  and coalesce(e.LS, '') not in ('V3', 'V4')
  and e.PLACE in ('K1', 'K2', 'K3', 'R3', 'S1')
  and e.PL_POST is not null
  and exists (select 1 from register as r where r.urn = e.URN and r.postcode is not null)
  and not exists (
      select 1 from register as r
      where r.urn = e.URN and r.postcode = upper(replace(e.PL_POST, ' ', ''))
  )
