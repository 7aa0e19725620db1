-- 116: Date of Local Authority's (LA) decision that a child should no longer be placed for adoption is not a valid date.
select 'PlacedAdoption' as table_name, row_key, CHILD as child
from placed_adoption
where DATE_PLACED_CEASED is not null and DATE_PLACED_CEASED_d is null
