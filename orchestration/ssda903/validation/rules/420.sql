-- 420: LA of placement completed but child is looked after under legal status V3 or V4.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where LS in ('V3', 'V4')
  and PL_LA is not null
