-- 112: Date should be placed for adoption is not a valid date.
select 'AD1' as table_name, row_key, CHILD as child
from ad1
where DATE_INT is not null and DATE_INT_d is null
