-- 228: Ofsted Unique reference number (URN) is not valid for the episode end date
-- needs: providers
-- An episode at a provider whose registration ended (REG_END) must end on or before that day; an open
-- episode needs the registration still open at the end of the collection year. Unknown URNs are 1008's.
with register as (
    select trim(cast(URN as varchar)) as urn,
           case when bool_or(d(nullif(trim(cast(REG_END as varchar)), '')) is null) then null
                else max(d(cast(REG_END as varchar))) end as reg_end
    from ofsted_providers
    group by 1
)
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join register as r on r.urn = e.URN
where e.URN <> 'XXXXXXX'
  and r.reg_end is not null
  and ((e.DEC is not null and e.DEC_d > r.reg_end)
       or (e.DEC is null and collection_end() > r.reg_end))
