-- 102: Date of birth is not a valid date.
select 'Header' as table_name, row_key, CHILD as child
from header
where DOB is null or DOB_d is null
