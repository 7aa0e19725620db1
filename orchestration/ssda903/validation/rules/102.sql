-- 102: Date of birth is not a valid date.
select 'Header' as table_name, row_key, CHILD as child
from header
where DOB is null or d(DOB) is null
