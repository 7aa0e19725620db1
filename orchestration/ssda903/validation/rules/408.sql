-- 408: Child is placed for adoption with a placement order, but no placement order has been recorded.
-- A5/A6 (placed for adoption with a placement order) need legal status E1 (placement order granted).
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE in ('A5', 'A6')
  and coalesce(LS, '') <> 'E1'
