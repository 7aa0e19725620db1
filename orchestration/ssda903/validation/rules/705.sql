-- 705: A DoLO cannot start when the previous DoLO is still open.
-- Taking the child's orders in order of start date, each order after the first needs the previous one to
-- have ended (DOLO_END given) on or before its own start. The later order is returned.
with o as (
    select *, lag(DOLO_END) over w as prev_end, lag(row_key) over w as prev_row
    from dolo
    where DOLO_START_d is not null
    window w as (partition by CHILD order by DOLO_START_d, row_key)
)
select 'DoLo' as table_name, row_key, CHILD as child
from o
where prev_row is not null
  and (prev_end is null or DOLO_START_d < d(prev_end))
