-- 454: Placement distance from home is over 350 miles.
-- 999.9 is DfE's "distance not known" value, not a distance.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where try_cast(PL_DISTANCE as double) > 350 and try_cast(PL_DISTANCE as double) <> 999.9
