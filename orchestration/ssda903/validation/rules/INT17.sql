-- INT17: Internal Check: DOB in Reviews is different to DOB in Header.
-- Compared as dates where both are valid dates (an invalid or blank date is other rules' business).
select 'Reviews' as table_name, x.row_key, x.CHILD as child
from reviews as x
join header as h on h.CHILD = x.CHILD
where x.DOB_d <> h.DOB_d
