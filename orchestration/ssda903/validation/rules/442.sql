-- 442: Unique Pupil Number (UPN) field is not completed.
-- A UPN (or a UN1-UN5 reason) is required for every child with an episode other than a short break (V3/V4).
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
where h.UPN is null
  and exists (
      select 1 from episodes as e
      where e.CHILD = h.CHILD and coalesce(e.LS, '') not in ('V3', 'V4')
  )
