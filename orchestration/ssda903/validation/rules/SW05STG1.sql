-- SW05STG1: Date social worker episode began is not a valid date.
-- DfE's message says "began" but the rule is about the end date, SW_DEC: when given it must be a real
-- dd/mm/yyyy date. Blank is allowed (the episode is open).
select 'SWEpisodes' as table_name, row_key, CHILD as child
from sw_episodes
where SW_DEC is not null and SW_DEC_d is null
