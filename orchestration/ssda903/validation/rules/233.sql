-- 233: Reason for placement change is not required when the episode has not ceased.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where DEC is null and REASON_PLACE_CHANGE is not null
