-- 241: LA of placement is not an LA the provider has premises.
-- needs: providers
-- DfE (new in 2025/26): a K3 placement (registered supported accommodation) with a URN other than the
-- placeholder XXXXXXX must be in an authority where the register holds premises for that URN; a provider
-- may have premises in several. PL_LA is compared with the register's upper-tier LA_CODE. A URN the register
-- does not know, or holds no LA for, is left to rule 1008. (The sector validator's release 0.1.17 compares
-- PL_LA with the returning authority instead, which flags every K3 placement outside it; see the rules page.)
with premises as (
    select trim(cast(URN as varchar)) as urn, trim(cast(LA_CODE as varchar)) as la
    from ofsted_providers
    where nullif(trim(cast(LA_CODE as varchar)), '') is not null
)
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where e.PLACE = 'K3'
  and e.URN is not null and e.URN <> 'XXXXXXX'
  and e.PL_LA is not null
  and exists (select 1 from premises as p where p.urn = e.URN)
  and not exists (select 1 from premises as p where p.urn = e.URN and p.la = e.PL_LA)
