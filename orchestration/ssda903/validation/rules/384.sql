-- 384: A child receiving respite care cannot be in a long-term foster placement
-- Long-term foster placements are U1 and U4.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where LS in ('V3', 'V4')
  and PLACE in ('U1', 'U4')
