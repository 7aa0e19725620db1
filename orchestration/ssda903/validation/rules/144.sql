-- 144: The legal status code is not a valid code.
-- A blank LS is not judged here (as the sector validator does, and as 146 does for PLACE).
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where LS is not null and LS not in (select code from year_codes('LS'))
