-- 522: Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.
select 'PlacedAdoption' as table_name, row_key, CHILD as child
from placed_adoption
where DATE_PLACED_CEASED_d < DATE_PLACED_d
