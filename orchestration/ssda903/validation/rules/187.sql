-- 187: Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.
-- A child in the OC2 cohort was in care all year, so was neither adopted nor a care leaver: any AD1 or OC3
-- item given for them fails, on the row that holds it.
-- continuously_looked_after: the children looked after continuously for 12 months at 31 March, as DfE
-- defines it (database.py).
select 'AD1' as table_name, a.row_key, a.CHILD as child
from ad1 as a
join continuously_looked_after as cla on cla.CHILD = a.CHILD
where coalesce(a.DATE_INT, a.DATE_MATCH, a.FOSTER_CARE, a.NB_ADOPTR, a.SEX_ADOPTR, a.LS_ADOPTR) is not null
union all
select 'OC3' as table_name, o.row_key, o.CHILD as child
from oc3 as o
join continuously_looked_after as cla on cla.CHILD = o.CHILD
where coalesce(o.IN_TOUCH, o.ACTIV, o.ACCOM) is not null
