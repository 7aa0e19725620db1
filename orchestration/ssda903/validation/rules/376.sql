-- 376: Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.
-- T3 (while the usual foster carer is on holiday): at most 21 days. An open episode counts to 31 March.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE = 'T3'
  and coalesce(DEC_d, collection_end()) > DECOM_d + interval 21 day
