-- 232: Sex of the child/young person has been reported as unknown.
-- severity: query
-- U is a valid code (rule 101): DfE asks for a check, not a correction.
select 'Header' as table_name, row_key, CHILD as child
from header
where upper(SEX) = 'U'
