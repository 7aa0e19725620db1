-- SW06STG2: Social worker episode data should be within the social worker data reporting year.
-- An episode cannot start after 31 March; episodes that started before the reporting period are reported
-- when they were still open in it (SW07STG2 checks the end dates).
select 'SWEpisodes' as table_name, row_key, CHILD as child
from sw_episodes
where SW_DECOM_d > collection_end()
