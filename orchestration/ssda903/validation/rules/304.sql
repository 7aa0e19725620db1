-- 304: Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.
select 'UASC' as table_name, row_key, CHILD as child
from uasc
where d(DUC) > d(DOB) + interval 18 year
