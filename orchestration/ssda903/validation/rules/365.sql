-- 365: Any individual short- term respite placement must not exceed 17 days.
-- Each V3 short break is its own episode; an open one runs to 31 March.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where LS = 'V3'
  and coalesce(DEC_d, collection_end()) > DECOM_d + interval 17 day
