-- INT31: Internal Check: Child should only exist once in AD1.
-- Every row of a child who appears more than once is returned.
select 'AD1' as table_name, row_key, CHILD as child
from (select *, count(*) over (partition by CHILD) as rows_for_child from ad1)
where rows_for_child > 1
