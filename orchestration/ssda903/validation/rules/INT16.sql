-- INT16: Internal Check: DOB in PrevPerm is different to DOB in Header.
-- Compared as dates where both are valid dates (an invalid or blank date is other rules' business).
select 'PrevPerm' as table_name, x.row_key, x.CHILD as child
from prev_perm as x
join header as h on h.CHILD = x.CHILD
where x.DOB_d <> h.DOB_d
