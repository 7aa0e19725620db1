-- 242: URN = 'XXXXXXX' can only be used for regional adoption agencies
-- DfE (new in 2025/26): the placeholder URN is for placements made through a regional adoption agency,
-- which DfE's condition lists as the placement types A3-A6 (placed for adoption) and U1-U6 (foster
-- placements, fostering for adoption among them). Any other placement has its provision's URN, or none
-- where Ofsted registers no provision (rule 222's types).
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where URN = 'XXXXXXX'
  and coalesce(PLACE, '') not in ('A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6')
