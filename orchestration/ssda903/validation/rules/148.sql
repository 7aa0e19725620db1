-- 148: Date episode ceased and reason episode ceased must both be coded, or both left blank.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where (DEC is null) <> (REC is null)
