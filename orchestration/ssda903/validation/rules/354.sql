-- 354: Date episode ceased must be on or before the end of the current collection year.
-- DfE's message says "ceased" but the field is DECOM (rule 385 checks DEC).
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where DECOM_d > collection_end()
