-- 528: A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE_PROVIDER = 'PR2' and PLACE in ('P1', 'R2', 'R5')
