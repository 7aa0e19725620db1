-- SW10aSTG2: A new social worker episode has started and it is not within +/- 7 days of a previous episode.
-- DfE (new in 2025/26): unless its reason is FCONTA (first contact), a new episode starts within 7 days either
-- side of the previous episode's end date. Episodes are taken in order of start date (then end date); a
-- previous episode with no end date is SW08STG2's, and FCONTA episodes are SW10bSTG2's.
with s as (
    select *,
        lag(SW_DEC_d) over (partition by CHILD order by SW_DECOM_d, SW_DEC_d nulls last, row_key) as prev_dec
    from sw_episodes
    where SW_DECOM_d is not null
)
select 'SWEpisodes' as table_name, row_key, CHILD as child
from s
where coalesce(SW_REASON, '') <> 'FCONTA'
  and prev_dec is not null
  and abs(date_diff('day', prev_dec, SW_DECOM_d)) > 7
