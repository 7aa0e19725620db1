-- 564: Child was missing or away from placement without authorisation and the date started is blank.
select 'Missing' as table_name, row_key, CHILD as child
from missing
where upper(MISSING) in ('M', 'A') and MIS_START is null
