-- SW10bSTG2: A new social worker episode has started with a reason of first contact before the previous episode has ended.
-- DfE (new in 2025/26): an episode whose reason is FCONTA (first contact) starts after the previous episode's
-- end date; starting on that day is starting before the previous episode has ended, since an episode's end
-- date is its last day. Episodes in order of start date (then end date).
with s as (
    select *,
        lag(SW_DEC_d) over (partition by CHILD order by SW_DECOM_d, SW_DEC_d nulls last, row_key) as prev_dec
    from sw_episodes
    where SW_DECOM_d is not null
)
select 'SWEpisodes' as table_name, row_key, CHILD as child
from s
where SW_REASON = 'FCONTA'
  and SW_DECOM_d <= prev_dec
