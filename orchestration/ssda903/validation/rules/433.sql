-- 433: The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.
-- RNE P, L, T, U or B continue the period of care: the episode starts the day the child's previous episode
-- ended. The child's first episode in the return may continue one from last year, so it is not checked.
with e as (
    select *,
        lag(row_key) over w as prev_row,
        lag(DEC_d) over w as prev_end
    from episodes
    window w as (partition by CHILD order by DECOM_d, DEC_d, row_key)
)
select 'Episodes' as table_name, row_key, CHILD as child
from e
where RNE in ('P', 'L', 'T', 'U', 'B')
  and prev_row is not null
  and (prev_end is null or DECOM_d is null or DECOM_d <> prev_end)
