-- INT35: Internal Check: Child should only exist once in PrevPerm.
-- Every row of a child who appears more than once is returned.
select 'PrevPerm' as table_name, row_key, CHILD as child
from (select *, count(*) over (partition by CHILD) as rows_for_child from prev_perm)
where rows_for_child > 1
