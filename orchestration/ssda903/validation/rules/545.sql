-- 545: Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.
-- Health promotion checks are for children under 5 on 31 March.
-- continuously_looked_after: the children looked after continuously for 12 months at 31 March, as DfE
-- defines it (database.py).
select 'OC2' as table_name, o.row_key, o.CHILD as child
from oc2 as o
join continuously_looked_after as cla on cla.CHILD = o.CHILD
where o.HEALTH_CHECK is null and age(o.DOB_d, collection_end()) < 5
union all
-- A child with no OC2 row has every OC2 item blank; there is no OC2 row to point at, so their Header row is.
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
join continuously_looked_after as cla on cla.CHILD = h.CHILD
where age(h.DOB_d, collection_end()) < 5
  and not exists (select 1 from oc2 where oc2.CHILD = h.CHILD)
