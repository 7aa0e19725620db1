-- 227: Ofsted Unique reference number (URN) is not valid for the episode start date.
-- needs: providers
-- A URN whose registration ended (REG_END) must not be used for an episode starting on or after that
-- day. A URN with any open registration row counts as open; unknown URNs are rule 1008's.
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
  and e.DECOM_d >= r.reg_end
