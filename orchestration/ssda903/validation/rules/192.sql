-- 192: Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.
select 'OC2' as table_name, row_key, CHILD as child
from oc2
where SUBSTANCE_MISUSE = '1' and INTERVENTION_RECEIVED is null
