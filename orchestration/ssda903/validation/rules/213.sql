-- 213: Placement provider information not required.
-- Temporary moves (T0-T4) have no provider, nor, from 2025/26, other placements Z11-Z14.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE_PROVIDER is not null
  and (PLACE in ('T0', 'T1', 'T2', 'T3', 'T4') or (year_ending() >= 2026 and PLACE in ('Z11', 'Z12', 'Z13', 'Z14')))
