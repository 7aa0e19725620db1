-- INT09: Internal Check: Child in UASC does not exist in Header.
select 'UASC' as table_name, x.row_key, x.CHILD as child
from uasc as x
where not exists (select 1 from header as h where h.CHILD = x.CHILD)
