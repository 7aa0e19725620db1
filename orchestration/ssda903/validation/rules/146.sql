-- 146: Placement type code is not a valid code.
-- The list changes by year (K3 from 2023/24; H5, P2, T4 and Z1 gone and Z11-Z14 new from 2025/26).
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE is not null and PLACE not in (select code from year_codes('PLACE'))
