-- 158: If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.
select 'OC2' as table_name, row_key, CHILD as child
from oc2
where INTERVENTION_RECEIVED = '1' and INTERVENTION_OFFERED is not null
