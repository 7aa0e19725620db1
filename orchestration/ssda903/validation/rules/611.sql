-- 611: Date of birth field is blank, but child is a mother.
-- MC_DOB is the date of birth of the mother's (first) child.
select 'Header' as table_name, row_key, CHILD as child
from header
where MOTHER = '1' and MC_DOB is null
