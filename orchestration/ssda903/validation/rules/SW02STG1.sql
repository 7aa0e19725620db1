-- SW02STG1: Social worker ID does not begin with the characters ‘SW’ or ‘XX’.
-- Upper case as DfE writes them; a blank ID does not begin with either.
select 'SWEpisodes' as table_name, row_key, CHILD as child
from sw_episodes
where SW_ID is null or not (SW_ID like 'SW%' or SW_ID like 'XX%')
