-- 390: Reason episode ceased is adopted but child has not been previously placed for adoption.
-- The episode ending in adoption (E11, E12) must be a placement for adoption (A3-A6).
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where REC in ('E11', 'E12')
  and coalesce(PLACE, '') not in ('A3', 'A4', 'A5', 'A6')
