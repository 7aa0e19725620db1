-- SW11bSTG2: Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.
-- As the sector validator implements it: the child's last episode (latest start) ended in the last days of
-- the year (from 26 March to 31 March), with no episode after it.
with s as (
    select *, row_number() over (partition by CHILD order by SW_DECOM_d desc nulls last, row_key desc) as n
    from sw_episodes
)
select 'SWEpisodes' as table_name, row_key, CHILD as child
from s
where n = 1
  and SW_DEC_d between collection_end() - interval 5 day and collection_end()
