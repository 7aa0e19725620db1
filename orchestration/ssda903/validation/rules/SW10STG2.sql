-- SW10STG2: A new social worker episode has started before the end date of the previous social worker episode.
-- DfE's coding since 2024/25: unless the new episode's reason is FCONTA, its start must be on or after the
-- previous episode's end date, with 7 days' tolerance (so up to 7 days before it is accepted). Episodes are
-- taken in order of start date; a previous episode with no end date is SW08STG2's.
with s as (
    select *, lag(SW_DEC) over (partition by CHILD order by SW_DECOM_d, SW_DEC_d nulls last, row_key) as prev_dec
    from sw_episodes
    where SW_DECOM_d is not null
)
select 'SWEpisodes' as table_name, row_key, CHILD as child
from s
where coalesce(SW_REASON, '') <> 'FCONTA'
  and SW_DECOM_d < d(prev_dec) - interval 7 day
