-- 578: The date that the child started to be missing is after the child ceased to be looked after.
-- The child's latest period of care to have started by the day they went missing must not have ended by
-- then (DfE: a start on or after the day care ceased fails). Missing before any care is 581. Of two periods
-- starting the same day (an episode ending before it starts), the later one.
-- periods_of_care: each period of care's first start and its end (database.py).
with latest_care as (
    select
        m.row_key,
        m.CHILD,
        m.MIS_START_d as mis_start,
        c.care_end,
        row_number() over (partition by m.row_key order by c.care_start desc, c.period desc) as n
    from missing as m
    join periods_of_care as c on c.CHILD = m.CHILD and c.care_start <= m.MIS_START_d
)
select 'Missing' as table_name, row_key, CHILD as child
from latest_care
where n = 1 and care_end is not null and mis_start >= care_end
