-- 570: The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.
select 'Missing' as table_name, row_key, CHILD as child
from missing
where MIS_START_d > collection_end()
