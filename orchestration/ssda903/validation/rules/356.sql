-- 356: The date the episode ceased is before the date the same episode started.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where DEC_d < DECOM_d
