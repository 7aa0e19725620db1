-- INT06: Internal Check: Child in OC3 does not exist in Header.
select 'OC3' as table_name, x.row_key, x.CHILD as child
from oc3 as x
where not exists (select 1 from header as h where h.CHILD = x.CHILD)
