-- 574: A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.
-- A period fails when an earlier one (earlier start, or the same start and earlier in the file) was still
-- open, or ended after this one started. Starting on the day the previous one ended is fine.
select 'Missing' as table_name, m.row_key, m.CHILD as child
from missing as m
where m.MIS_START_d is not null
  and exists (
      select 1 from missing as e
      where e.CHILD = m.CHILD
        and e.row_key <> m.row_key
        and e.MIS_START_d is not null
        and (e.MIS_START_d < m.MIS_START_d or (e.MIS_START_d = m.MIS_START_d and e.row_key < m.row_key))
        and (e.MIS_END is null or m.MIS_START_d < e.MIS_END_d)
  )
