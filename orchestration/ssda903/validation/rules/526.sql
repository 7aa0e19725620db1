-- 526: Child is missing a placement provider code for at least one episode.
-- Up to 2024/25 only temporary placements (T0-T4) and other placements (Z1) have no provider.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE_PROVIDER is null and coalesce(PLACE, '') not in ('T0', 'T1', 'T2', 'T3', 'T4', 'Z1')
