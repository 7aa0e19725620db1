-- 176: The gender of adopter(s) at the date of adoption code is not a valid code.
select 'AD1' as table_name, row_key, CHILD as child
from ad1
where SEX_ADOPTR is not null and SEX_ADOPTR not in (select code from year_codes('SEX_ADOPTR'))
