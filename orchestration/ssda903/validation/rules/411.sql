-- 411: Placement location code disagrees with LA of placement.
-- Both are derived from the placement postcode: IN must mean the placement is in this LA.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PL_LOCATION = 'IN'
  and PL_LA is distinct from la_code()
