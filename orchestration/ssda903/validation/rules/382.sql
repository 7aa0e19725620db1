-- 382: A child receiving respite care cannot be in a temporary placement.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where LS in ('V3', 'V4')
  and PLACE in ('T0', 'T1', 'T2', 'T3', 'T4')
