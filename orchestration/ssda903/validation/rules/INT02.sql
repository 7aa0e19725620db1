-- INT02: Internal Check: Child in PlacedAdoption does not exist in Header.
select 'PlacedAdoption' as table_name, x.row_key, x.CHILD as child
from placed_adoption as x
where not exists (select 1 from header as h where h.CHILD = x.CHILD)
