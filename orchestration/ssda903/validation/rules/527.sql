-- 527: A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE_PROVIDER = 'PR1' and PLACE in ('P1', 'R2', 'R5')
