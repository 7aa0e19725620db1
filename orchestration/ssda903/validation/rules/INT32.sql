-- INT32: Internal Check: Child should only exist once in Header.
-- Every row of a child who appears more than once is returned.
select 'Header' as table_name, row_key, CHILD as child
from (select *, count(*) over (partition by CHILD) as rows_for_child from header)
where rows_for_child > 1
