-- 578: The date that the child started to be missing is after the child ceased to be looked after.
-- The child's latest period of care to have started by the day they went missing must not have ended by
-- then (DfE: a start on or after the day care ceased fails). Missing before any care is 581.
-- A period of care runs through episodes that each start on or before the day the previous one ended;
-- it ends on the last episode's DEC (blank while the child is still looked after).
with ordered as (
    select
        row_key,
        CHILD,
        d(DECOM) as decom,
        d(DEC) as dec,
        lag(d(DEC)) over (partition by CHILD order by d(DECOM), row_key) as previous_dec
    from episodes
    where d(DECOM) is not null
),
periods as (
    select
        *,
        sum(case when decom > previous_dec then 1 else 0 end)
            over (partition by CHILD order by decom, row_key rows unbounded preceding) as period
    from ordered
),
care as (
    select
        CHILD,
        period,
        min(decom) as care_start,
        first(dec order by decom desc, row_key desc) as care_end
    from periods
    group by CHILD, period
),
latest_care as (
    select
        m.row_key,
        m.CHILD,
        d(m.MIS_START) as mis_start,
        c.care_end,
        row_number() over (partition by m.row_key order by c.care_start desc) as n
    from missing as m
    join care as c on c.CHILD = m.CHILD and c.care_start <= d(m.MIS_START)
)
select 'Missing' as table_name, row_key, CHILD as child
from latest_care
where n = 1 and care_end is not null and mis_start >= care_end
