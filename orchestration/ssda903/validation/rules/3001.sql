-- 3001: Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).
-- Z1/Z2 (with former foster carers) is for 18-year-olds and over: not for a young person whose 17th
-- birthday fell in this collection year.
select 'OC3' as table_name, o.row_key, o.CHILD as child
from oc3 as o
left join header as h on h.CHILD = o.CHILD
where o.ACCOM in ('Z1', 'Z2')
  and cast(coalesce(h.DOB_d, o.DOB_d) + interval 17 year as date) between collection_start() and collection_end()
