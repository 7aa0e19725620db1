-- 700: The start date of the DoLO is not a valid date.
select 'DoLo' as table_name, row_key, CHILD as child
from dolo
where DOLO_START is null or DOLO_START_d is null
