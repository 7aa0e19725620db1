-- INT12: Internal Check: DOB in PlacedAdoption is different to DOB in Header.
-- Compared as dates where both are valid dates (an invalid or blank date is other rules' business).
select 'PlacedAdoption' as table_name, x.row_key, x.CHILD as child
from placed_adoption as x
join header as h on h.CHILD = x.CHILD
where x.DOB_d <> h.DOB_d
