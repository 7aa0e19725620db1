-- INT11: Internal Check: DOB in AD1 is different to DOB in Header.
-- Compared as dates where both are valid dates (an invalid or blank date is other rules' business).
select 'AD1' as table_name, x.row_key, x.CHILD as child
from ad1 as x
join header as h on h.CHILD = x.CHILD
where x.DOB_d <> h.DOB_d
