-- 375: Hospitalisation coded as a temporary placement exceeds six weeks.
-- T1 (temporary period in hospital): at most 42 days. An open episode counts to 31 March.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE = 'T1'
  and coalesce(DEC_d, collection_end()) > DECOM_d + interval 42 day
