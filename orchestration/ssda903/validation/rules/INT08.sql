-- INT08: Internal Check: Child in Reviews does not exist in Header.
select 'Reviews' as table_name, x.row_key, x.CHILD as child
from reviews as x
where not exists (select 1 from header as h where h.CHILD = x.CHILD)
