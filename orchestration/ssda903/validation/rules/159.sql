-- 159: If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.
select 'OC2' as table_name, row_key, CHILD as child
from oc2
where SUBSTANCE_MISUSE = '1' and INTERVENTION_RECEIVED = '0' and INTERVENTION_OFFERED is null
