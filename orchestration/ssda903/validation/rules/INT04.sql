-- INT04: Internal Check: Child in Missing does not exist in Header.
select 'Missing' as table_name, x.row_key, x.CHILD as child
from missing as x
where not exists (select 1 from header as h where h.CHILD = x.CHILD)
