-- 567: The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.
select 'Missing' as table_name, row_key, CHILD as child
from missing
where MIS_END_d < MIS_START_d
