-- 565: The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed.
select 'Missing' as table_name, row_key, CHILD as child
from missing
where MIS_START is not null and MISSING is null
