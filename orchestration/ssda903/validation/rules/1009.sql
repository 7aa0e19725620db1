-- 1009: Reason for placement change is not a valid code.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where REASON_PLACE_CHANGE is not null
  and REASON_PLACE_CHANGE not in (select code from year_codes('REASON_PLACE_CHANGE'))
