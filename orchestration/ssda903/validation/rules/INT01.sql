-- INT01: Data Integrity Check: Child in AD1 does not exist in Header.
select 'AD1' as table_name, x.row_key, x.CHILD as child
from ad1 as x
where not exists (select 1 from header as h where h.CHILD = x.CHILD)
