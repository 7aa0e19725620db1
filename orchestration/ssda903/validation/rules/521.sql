-- 521: Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.
-- Every placement for adoption (A3-A6) must start on or after the best-interest decision (DATE_INT).
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join ad1 as a on a.CHILD = e.CHILD
where e.PLACE in ('A3', 'A4', 'A5', 'A6') and a.DATE_INT_d > e.DECOM_d
