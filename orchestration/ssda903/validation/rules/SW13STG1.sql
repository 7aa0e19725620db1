-- SW13STG1: The reason for social worker change is not valid.
-- A reason given must be on the list; from 01/04/2023 an episode needs one.
select 'SWEpisodes' as table_name, row_key, CHILD as child
from sw_episodes
where (SW_REASON is not null and SW_REASON not in (select code from year_codes('SW_REASON')))
   or (SW_REASON is null and SW_DECOM_d >= date '2023-04-01')
