-- 175: The number of adopter(s) code is not a valid code.
select 'AD1' as table_name, row_key, CHILD as child
from ad1
where NB_ADOPTR is not null and NB_ADOPTR not in ('1', '2')
