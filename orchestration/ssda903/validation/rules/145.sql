-- 145: Category of need code is not a valid code.
-- A blank CIN is not judged here (as the sector validator does, and as 146 does for PLACE).
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where CIN is not null and CIN not in (select code from year_codes('CIN'))
