-- INT33: Internal Check: Child should only exist once in OC2.
-- Every row of a child who appears more than once is returned.
select 'OC2' as table_name, row_key, CHILD as child
from (select *, count(*) over (partition by CHILD) as rows_for_child from oc2)
where rows_for_child > 1
