-- 214: Placement location information not required.
-- Short breaks (LS V3/V4) are recorded without placement postcode or URN.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where LS in ('V3', 'V4') and (PL_POST is not null or URN is not null)
