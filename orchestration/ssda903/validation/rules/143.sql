-- 143: The reason for new episode code is not a valid code.
-- A blank RNE is not judged here (as the sector validator does, and as 146 does for PLACE).
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where RNE is not null and RNE not in (select code from year_codes('RNE'))
