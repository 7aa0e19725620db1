-- INT07: Internal Check: Child in PrevPerm does not exist in Header.
select 'PrevPerm' as table_name, x.row_key, x.CHILD as child
from prev_perm as x
where not exists (select 1 from header as h where h.CHILD = x.CHILD)
