-- 304: Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.
-- DfE's condition is DUC <= DOB + 18 years. Adding 18 years to 29 February gives 28 February in a year
-- without a 29th (date arithmetic, as the sector validator also does it), so a child born on 29 February
-- ceases to be UASC on 28 February at the latest, a day before English law has them turn 18 (1 March).
select 'UASC' as table_name, row_key, CHILD as child
from uasc
where DUC_d > DOB_d + interval 18 year
