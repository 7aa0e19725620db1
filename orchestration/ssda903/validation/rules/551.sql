-- 551: Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.
-- A placement for adoption (A3-A6) needs a decision that the child should be placed (a DATE_PLACED).
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where e.PLACE in ('A3', 'A4', 'A5', 'A6')
  and not exists (
      select 1 from placed_adoption as p where p.CHILD = e.CHILD and p.DATE_PLACED is not null
  )
