-- 704: The date that the DoLO ended is before the start or after the end of the collection year.
select 'DoLo' as table_name, row_key, CHILD as child
from dolo
where DOLO_END_d < collection_start() or DOLO_END_d > collection_end()
