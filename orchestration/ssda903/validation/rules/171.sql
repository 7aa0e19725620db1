-- 171: Date of birth of mother's child is not a valid date.
select 'Header' as table_name, row_key, CHILD as child
from header
where MC_DOB is not null and MC_DOB_d is null
