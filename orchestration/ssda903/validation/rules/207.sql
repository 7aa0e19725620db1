-- 207: Mother status for the current year disagrees with the mother status already recorded for this child.
-- needs: last_year
-- Once a mother, always a mother: MOTHER 1 last year must still be 1 for a child with episodes this year.
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
join header_last as l on l.CHILD = h.CHILD
where l.MOTHER = '1'
  and coalesce(h.MOTHER, '') <> '1'
  and exists (select 1 from episodes as e where e.CHILD = h.CHILD)
