-- 702: The date that the DoLO ended is before the date that it started.
-- As the sector validator reads DfE's coding (the end must be after the start), an order ending the day it
-- started fails too.
select 'DoLo' as table_name, row_key, CHILD as child
from dolo
where DOLO_END_d <= DOLO_START_d
