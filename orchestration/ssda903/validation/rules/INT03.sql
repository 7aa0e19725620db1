-- INT03: Internal Check: Child in Episodes does not exist in Header.
select 'Episodes' as table_name, x.row_key, x.CHILD as child
from episodes as x
where not exists (select 1 from header as h where h.CHILD = x.CHILD)
