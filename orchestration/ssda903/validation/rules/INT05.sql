-- INT05: Internal Check: Child in OC2 does not exist in Header.
select 'OC2' as table_name, x.row_key, x.CHILD as child
from oc2 as x
where not exists (select 1 from header as h where h.CHILD = x.CHILD)
