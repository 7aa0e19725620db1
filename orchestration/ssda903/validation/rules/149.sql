-- 149: Reason episode ceased code is not valid.
-- REC is blank for an open episode (148 pairs it with DEC).
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where REC is not null and REC not in (select code from year_codes('REC'))
