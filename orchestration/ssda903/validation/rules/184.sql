-- 184: Date of decision that a child should be placed for adoption is before the child was born.
-- Compared with the date of birth in Header.
select 'PlacedAdoption' as table_name, p.row_key, p.CHILD as child
from placed_adoption as p
join header as h on h.CHILD = p.CHILD
where p.DATE_PLACED_d < h.DOB_d
