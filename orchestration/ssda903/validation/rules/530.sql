-- 530: A placement provider code of PR4 cannot be associated with placement P1.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE_PROVIDER = 'PR4' and PLACE in ('P1')
