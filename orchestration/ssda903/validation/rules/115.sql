-- 115: Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid date.
select 'PlacedAdoption' as table_name, row_key, CHILD as child
from placed_adoption
where DATE_PLACED is not null and DATE_PLACED_d is null
