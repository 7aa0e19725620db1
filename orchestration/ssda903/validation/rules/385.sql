-- 385: Date episode ceased must be on or before the end of the current collection year.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where DEC_d > collection_end()
