-- 581: Child is missing but has not yet started to be looked after.
-- A missing period must start within a period of care (from its first start to its end, inclusive); one
-- that starts outside every period and before a period begins is before the child was looked after.
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
)
select 'Missing' as table_name, m.row_key, m.CHILD as child
from missing as m
where d(m.MIS_START) is not null
  and exists (select 1 from care as c where c.CHILD = m.CHILD and c.care_start > d(m.MIS_START))
  and not exists (
      select 1 from care as c
      where c.CHILD = m.CHILD
        and c.care_start <= d(m.MIS_START)
        and (c.care_end is null or d(m.MIS_START) <= c.care_end)
  )
