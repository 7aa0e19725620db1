-- SW04STG1: Date social worker episode began is not a valid date..
-- The start date is required, as a real dd/mm/yyyy date (no ZZ for unknown parts).
select 'SWEpisodes' as table_name, row_key, CHILD as child
from sw_episodes
where SW_DECOM is null or SW_DECOM_d is null
