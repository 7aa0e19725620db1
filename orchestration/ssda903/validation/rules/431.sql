-- 431: The reason for new episode is started to be looked after, but the previous episode ended on the same day.
-- RNE S starts a new period of care, so the child's previous episode must have ended before this day
-- (ending the same day, or later, means this episode continues the period).
with e as (
    select *,
        lag(row_key) over w as prev_row,
        lag(DEC_d) over w as prev_end
    from episodes
    window w as (partition by CHILD order by DECOM_d, DEC_d, row_key)
)
select 'Episodes' as table_name, row_key, CHILD as child
from e
where RNE = 'S'
  and prev_row is not null
  and DECOM_d <= prev_end
