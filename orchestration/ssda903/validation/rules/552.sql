-- 552: Date of Decision to place a child for adoption should be on or prior to the date that the child was placed for adoption.
-- Each placement for adoption (A3-A6) must start on or after a decision that the child should be placed:
-- it fails when every decision reported for the child is later than the placement's start.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where e.PLACE in ('A3', 'A4', 'A5', 'A6')
  and e.DECOM_d < (select min(p.DATE_PLACED_d) from placed_adoption as p where p.CHILD = e.CHILD)
