-- SW18STG2: The end date of the social worker episode is before the start date
-- DfE (new in 2025/26): an episode's end date, where given, is not before its start date. An episode ending
-- the day it started is not "before": that is SW09STG2's (less than 24 hours).
select 'SWEpisodes' as table_name, row_key, CHILD as child
from sw_episodes
where SW_DEC_d < SW_DECOM_d
