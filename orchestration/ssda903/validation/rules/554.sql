-- 554: Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted.
-- The placement order is granted when a period of care first reaches legal status E1 (a period runs
-- through episodes that each start on or before the day the previous one ended). Some decision to place
-- must be on or before that date; with no decision at all, 553 reports instead.
with first_e1 as (
    select *, row_number() over (partition by CHILD, period order by decom, row_key) as n
    from episodes_in_periods()
    where LS = 'E1'
)
select 'Episodes' as table_name, f.row_key, f.CHILD as child
from first_e1 as f
where f.n = 1
  and f.decom < (select min(d(p.DATE_PLACED)) from placed_adoption as p where p.CHILD = f.CHILD)
