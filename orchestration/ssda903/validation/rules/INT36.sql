-- INT36: Internal Check: Child should only exist once in UASC.
-- Every row of a child who appears more than once is returned.
select 'UASC' as table_name, row_key, CHILD as child
from (select *, count(*) over (partition by CHILD) as rows_for_child from uasc)
where rows_for_child > 1
