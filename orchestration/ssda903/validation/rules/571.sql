-- 571: The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.
select 'Missing' as table_name, row_key, CHILD as child
from missing
where MIS_END_d < collection_start() or MIS_END_d > collection_end()
