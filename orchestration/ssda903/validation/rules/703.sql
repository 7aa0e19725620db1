-- 703: The date that the DoLO started is after the end of the collection year.
select 'DoLo' as table_name, row_key, CHILD as child
from dolo
where DOLO_START_d > collection_end()
