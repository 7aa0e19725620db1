-- INT34: Internal Check: Child should only exist once in OC3.
-- Every row of a child who appears more than once is returned.
select 'OC3' as table_name, row_key, CHILD as child
from (select *, count(*) over (partition by CHILD) as rows_for_child from oc3)
where rows_for_child > 1
