-- 103: The ethnicity code is either not valid or has not been entered.
select 'Header' as table_name, row_key, CHILD as child
from header
where ETHNIC is null or ETHNIC not in (select code from year_codes('ETHNIC'))
