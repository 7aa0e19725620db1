-- 193: Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.
-- No substance misuse problem identified (0 or blank): neither intervention item may be given.
select 'OC2' as table_name, row_key, CHILD as child
from oc2
where (SUBSTANCE_MISUSE is null or SUBSTANCE_MISUSE = '0')
  and (INTERVENTION_RECEIVED is not null or INTERVENTION_OFFERED is not null)
