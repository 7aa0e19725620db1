-- 526: Child is missing a placement provider code for at least one episode.
-- From 2025/26 only temporary placements (T0-T3) and other placements (Z11-Z14) have no provider;
-- T4 and Z1 are no longer placement types.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE_PROVIDER is null
  and coalesce(PLACE, '') not in ('T0', 'T1', 'T2', 'T3', 'Z11', 'Z12', 'Z13', 'Z14')
