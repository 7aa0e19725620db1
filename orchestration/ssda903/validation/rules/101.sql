-- 101: The child or young person’s reported sex is not valid.
-- SEX is 1/2 up to 2023/24 and M/F/U from 2024/25: year_codes gives the year's list.
select 'Header' as table_name, row_key, CHILD as child
from header
where SEX is null or SEX not in (select code from year_codes('SEX_903'))
