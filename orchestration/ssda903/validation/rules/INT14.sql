-- INT14: Internal Check: DOB in OC2 is different to DOB in Header.
-- Compared as dates where both are valid dates (an invalid or blank date is other rules' business).
select 'OC2' as table_name, x.row_key, x.CHILD as child
from oc2 as x
join header as h on h.CHILD = x.CHILD
where x.DOB_d <> h.DOB_d
