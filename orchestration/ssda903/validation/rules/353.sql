-- 353: No episode submitted can start before 14 October 1991.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where DECOM_d < DATE '1991-10-14'
