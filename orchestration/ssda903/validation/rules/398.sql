-- 398: Distance field completed but child looked after under legal status V3 or V4.
-- The distance is derived from the postcodes, so for short breaks (V3/V4) neither postcode is given.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where LS in ('V3', 'V4')
  and (HOME_POST is not null or PL_POST is not null)
