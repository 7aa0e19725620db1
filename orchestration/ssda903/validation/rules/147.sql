-- 147: Date episode ceased is not a valid date.
-- DEC is blank for an episode open at 31 March; when given it must be a dd/mm/yyyy date.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where DEC is not null and DEC_d is null
