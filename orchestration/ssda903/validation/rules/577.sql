-- 577: Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.
-- A missing period with no end date must belong to a period of care still open at 31 March that had
-- started by the day the child went missing; otherwise the child left care while still missing.
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
  and m.MIS_END is null
  and exists (select 1 from care as c where c.CHILD = m.CHILD)
  and not exists (
      select 1 from care as c
      where c.CHILD = m.CHILD and c.care_end is null and c.care_start <= d(m.MIS_START)
  )
