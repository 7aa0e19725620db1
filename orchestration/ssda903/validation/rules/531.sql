-- 531: A placement provider code of PR5 cannot be associated with placements P1.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE_PROVIDER = 'PR5' and PLACE in ('P1')
