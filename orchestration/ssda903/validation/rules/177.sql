-- 177: The legal status of adopter(s) code is not a valid code.
select 'AD1' as table_name, row_key, CHILD as child
from ad1
where LS_ADOPTR is not null and LS_ADOPTR not in (select code from year_codes('LS_ADOPTR'))
