-- 381: A period of care cannot end with a temporary placement.
-- A temporary placement (T0-T4) that ends must end with X1 (a new episode), not with leaving care.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE in ('T0', 'T1', 'T2', 'T3', 'T4')
  and REC is not null and REC <> 'X1'
