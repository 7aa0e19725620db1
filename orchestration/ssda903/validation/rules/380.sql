-- 380: A period of care cannot start with a temporary placement.
-- A temporary placement (T0-T4) is always a move within a period of care: RNE P or B.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE in ('T0', 'T1', 'T2', 'T3', 'T4')
  and coalesce(RNE, '') not in ('P', 'B')
