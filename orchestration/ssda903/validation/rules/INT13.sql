-- INT13: Internal Check: DOB in Missing is different to DOB in Header.
-- Compared as dates where both are valid dates (an invalid or blank date is other rules' business).
select 'Missing' as table_name, x.row_key, x.CHILD as child
from missing as x
join header as h on h.CHILD = x.CHILD
where x.DOB_d <> h.DOB_d
