-- 208: Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.
-- needs: last_year
-- A UPN may change only from unknown to better known: from blank or any UN code to a real UPN, from blank or
-- UN1 (not yet of school age) to UN2-UN5, or from blank to UN1. Anything else that differs fails, including
-- a real UPN replaced by another, by a UN code or by blank.
with pairs as (
    select h.row_key, h.CHILD, upper(h.UPN) as now, upper(l.UPN) as before
    from header as h
    join header_last as l on l.CHILD = h.CHILD
)

select 'Header' as table_name, row_key, CHILD as child
from pairs
where now is distinct from before
  and not (
      (before is null or before in ('UN1', 'UN2', 'UN3', 'UN4', 'UN5'))
      and now is not null and now not in ('UN1', 'UN2', 'UN3', 'UN4', 'UN5')
  )
  and not ((before is null or before = 'UN1') and coalesce(now in ('UN2', 'UN3', 'UN4', 'UN5'), false))
  and not (before is null and now = 'UN1')
