-- 546: Children aged 5 or over at 31 March should not have health promotion information completed.
-- Health promotion (development) checks are for under-5s; DfE applies this to the children looked after
-- continuously for 12 months, the children OC2 is for.
-- continuously_looked_after: the children looked after continuously for 12 months at 31 March, as DfE
-- defines it (database.py).
select 'OC2' as table_name, o.row_key, o.CHILD as child
from oc2 as o
join continuously_looked_after as cla on cla.CHILD = o.CHILD
where o.HEALTH_CHECK is not null and age(o.DOB_d, collection_end()) >= 5
