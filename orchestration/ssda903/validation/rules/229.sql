-- 229: Placement provider does not match between the placing authority and the local authority code of the provider.
-- needs: providers
-- PR1 (own LA provision) needs a provider in this LA (the register's upper-tier LA_CODE equals ours);
-- PR2 (other LA provision) needs one elsewhere. Only URNs the register knows with an LA code.
with register as (
    select trim(cast(URN as varchar)) as urn,
           bool_or(trim(cast(LA_CODE as varchar)) = la_code()) as in_this_la
    from ofsted_providers
    where nullif(trim(cast(LA_CODE as varchar)), '') is not null
    group by 1
)
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join register as r on r.urn = e.URN
where e.URN <> 'XXXXXXX'
  and ((e.PLACE_PROVIDER = 'PR1' and not r.in_this_la)
       or (e.PLACE_PROVIDER = 'PR2' and r.in_this_la))
