-- 198: Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed.
-- continuously_looked_after: the children looked after continuously for 12 months at 31 March, as DfE
-- defines it (database.py).
select 'OC2' as table_name, o.row_key, o.CHILD as child
from oc2 as o
where o.SDQ_REASON is not null and not exists (select 1 from continuously_looked_after as cla where cla.CHILD = o.CHILD)
