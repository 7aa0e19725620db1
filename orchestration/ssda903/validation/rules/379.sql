-- 379: Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.
-- T4 (temporary, any other reason; no longer a valid code from 2025/26): at most 7 days. An open episode counts to 31 March.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE = 'T4'
  and coalesce(DEC_d, collection_end()) > DECOM_d + interval 7 day
