-- 190: Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.
-- continuously_looked_after: the children looked after continuously for 12 months at 31 March, as DfE
-- defines it (database.py).
select 'OC2' as table_name, o.row_key, o.CHILD as child
from oc2 as o
where coalesce(o.CONVICTED, o.HEALTH_CHECK, o.IMMUNISATIONS, o.TEETH_CHECK, o.HEALTH_ASSESSMENT,
               o.SUBSTANCE_MISUSE, o.INTERVENTION_RECEIVED, o.INTERVENTION_OFFERED) is not null
  and not exists (select 1 from continuously_looked_after as cla where cla.CHILD = o.CHILD)
