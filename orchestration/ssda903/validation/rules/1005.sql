-- 1005: The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.
-- Blank is allowed: the child is still missing or away.
select 'Missing' as table_name, row_key, CHILD as child
from missing
where MIS_END is not null and MIS_END_d is null
