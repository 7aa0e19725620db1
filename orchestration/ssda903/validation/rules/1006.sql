-- 1006: Missing type invalid.
select 'Missing' as table_name, row_key, CHILD as child
from missing
where MISSING is not null and MISSING not in (select code from year_codes('MISSING'))
