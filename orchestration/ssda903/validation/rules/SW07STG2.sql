-- SW07STG2: Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.
-- Since 2024/25 the social worker reporting period covers two years: from 1 April of the year before the
-- collection year to 31 March.
select 'SWEpisodes' as table_name, row_key, CHILD as child
from sw_episodes
where SW_DEC_d < collection_start() - interval 1 year
   or SW_DEC_d > collection_end()
