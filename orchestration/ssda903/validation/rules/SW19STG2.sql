-- SW19STG2: There are 2 social worker episodes for the child starting on the same date.
-- DfE (new in 2025/26): no two of a child's episodes start on the same day. Every episode of such a pair is
-- reported, as DfE's message names both.
select 'SWEpisodes' as table_name, row_key, CHILD as child
from sw_episodes
where SW_DECOM_d is not null
qualify count(*) over (partition by CHILD, SW_DECOM_d) > 1
