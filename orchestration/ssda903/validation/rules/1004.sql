-- 1004: The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.
select 'Missing' as table_name, row_key, CHILD as child
from missing
where MIS_START is null or MIS_START_d is null
