-- 566: The date that the child's episode of being missing or away from placement without authorisation ended has been completed but whether the child was missing or away without authorisation has not been completed.
select 'Missing' as table_name, row_key, CHILD as child
from missing
where MIS_END is not null and MISSING is null
