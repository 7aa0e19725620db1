-- SW17STG2: There is no social worker episode open at 31 March
-- The child's last episode (latest start) must have no end date.
with s as (
    select *, row_number() over (partition by CHILD order by SW_DECOM_d desc nulls last, row_key desc) as n
    from sw_episodes
)
select 'SWEpisodes' as table_name, row_key, CHILD as child
from s
where n = 1 and SW_DEC is not null
