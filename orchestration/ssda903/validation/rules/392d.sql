-- 392d: Home and placement postcodes should not be same unless the placement type is P1.
-- Postcodes compared upper-cased without spaces.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where coalesce(PLACE, '') <> 'P1'
  and upper(replace(HOME_POST, ' ', '')) = upper(replace(PL_POST, ' ', ''))
