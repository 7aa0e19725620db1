-- 226: Reason for placement change is not required for temporary placements.
-- A temporary placement (T0-T4) carries no reason for placement change, and neither does the episode
-- before it (the move into the temporary placement): DfE's coding checks the current episode and
-- current episode - 1.
with e as (
    select *, lag(REASON_PLACE_CHANGE) over w as prev_reason
    from episodes
    window w as (partition by CHILD order by DECOM_d, DEC_d, row_key)
)
select 'Episodes' as table_name, row_key, CHILD as child
from e
where PLACE in ('T0', 'T1', 'T2', 'T3', 'T4')
  and (REASON_PLACE_CHANGE is not null or prev_reason is not null)
