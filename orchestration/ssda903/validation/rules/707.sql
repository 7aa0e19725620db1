-- 707: Child ceased to be looked after but there is a DoLO without an end date.
-- The child's latest episode (latest start) has ended, yet an order has no end date.
with latest as (
    select *, row_number() over (partition by CHILD order by DECOM_d desc nulls last, row_key desc) as n
    from episodes
)
select 'DoLo' as table_name, o.row_key, o.CHILD as child
from dolo as o
join latest as l on l.CHILD = o.CHILD and l.n = 1
where o.DOLO_START is not null
  and o.DOLO_END is null
  and l.DEC is not null
