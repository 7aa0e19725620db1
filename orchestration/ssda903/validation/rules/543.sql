-- 543: Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.
-- Aged 10 on or before 31 March counts as 10 or over.
-- continuously_looked_after: the children looked after continuously for 12 months at 31 March, as DfE
-- defines it (database.py).
select 'OC2' as table_name, o.row_key, o.CHILD as child
from oc2 as o
join continuously_looked_after as cla on cla.CHILD = o.CHILD
where o.CONVICTED is null and age(o.DOB_d, collection_end()) >= 10
union all
-- A child with no OC2 row has every OC2 item blank; there is no OC2 row to point at, so their Header row is.
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
join continuously_looked_after as cla on cla.CHILD = h.CHILD
where age(h.DOB_d, collection_end()) >= 10
  and not exists (select 1 from oc2 where oc2.CHILD = h.CHILD)
