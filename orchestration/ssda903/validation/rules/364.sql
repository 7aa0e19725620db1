-- 364: Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.
-- Accommodation under PACE (J2): DfE's limit as the sector validator applies it, 21 days.
-- Consecutive J2 episodes of a child, each starting on or before the day the previous one ended, are one
-- stretch of that legal status; an open episode runs to 31 March. Every episode of a stretch lasting more
-- than 21 days (last end minus first start) fails.
select 'Episodes' as table_name, row_key, CHILD as child
from legal_status_stretches('J2')
where days > 21
