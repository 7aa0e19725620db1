-- 577: Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.
-- A missing period with no end date must belong to a period of care still open at 31 March that had
-- started by the day the child went missing; otherwise the child left care while still missing.
-- periods_of_care: each period of care's first start and its end (database.py).
select 'Missing' as table_name, m.row_key, m.CHILD as child
from missing as m
where m.MIS_START_d is not null
  and m.MIS_END is null
  and exists (select 1 from periods_of_care as c where c.CHILD = m.CHILD)
  and not exists (
      select 1 from periods_of_care as c
      where c.CHILD = m.CHILD and c.care_end is null and c.care_start <= m.MIS_START_d
  )
