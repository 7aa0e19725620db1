-- 222: Ofsted Unique reference number (URN) should not be recorded for this placement type.
-- Placement types that no Ofsted registration covers. The list is every year's: T4 and Z1 are gone from
-- 2025/26 and Z11-Z14 are new then, so each year sees only its own codes.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE in ('P1', 'P3', 'R1', 'R2', 'R5', 'T0', 'T1', 'T2', 'T3', 'T4', 'Z1', 'Z11', 'Z12', 'Z13', 'Z14')
  and URN is not null and URN <> 'XXXXXXX'
