-- 701: The end date of the DoLO is not a valid date.
-- Blank is allowed: the order is still in force.
select 'DoLo' as table_name, row_key, CHILD as child
from dolo
where DOLO_END is not null and DOLO_END_d is null
