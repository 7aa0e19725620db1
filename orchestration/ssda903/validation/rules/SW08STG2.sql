-- SW08STG2: A new social worker episode has started, but the previous episode has not ended.
-- In order of start date, every episode but the child's last must have an end date.
with s as (
    select *, lead(row_key) over (partition by CHILD order by SW_DECOM_d, row_key) as next_row
    from sw_episodes
    where SW_DECOM_d is not null
)
select 'SWEpisodes' as table_name, row_key, CHILD as child
from s
where next_row is not null and SW_DEC is null
