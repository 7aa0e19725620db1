-- SW01aSTG1: For each social worker episode, information should be complete
-- Every episode needs its start date; one that started before 01/04/2023 needs the social worker's ID too
-- (the reason for the change was not collected then). Later episodes are SW01bSTG1's.
select 'SWEpisodes' as table_name, row_key, CHILD as child
from sw_episodes
where SW_DECOM is null
   or (SW_DECOM_d < date '2023-04-01' and SW_ID is null)
