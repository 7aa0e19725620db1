-- 581: Child is missing but has not yet started to be looked after.
-- A missing period must start within a period of care (from its first start to its end, inclusive); one
-- that starts outside every period and before a period begins is before the child was looked after.
-- periods_of_care: each period of care's first start and its end (database.py).
select 'Missing' as table_name, m.row_key, m.CHILD as child
from missing as m
where m.MIS_START_d is not null
  and exists (select 1 from periods_of_care as c where c.CHILD = m.CHILD and c.care_start > m.MIS_START_d)
  and not exists (
      select 1 from periods_of_care as c
      where c.CHILD = m.CHILD
        and c.care_start <= m.MIS_START_d
        and (c.care_end is null or m.MIS_START_d <= c.care_end)
  )
