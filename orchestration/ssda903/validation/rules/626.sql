-- 626: Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year.
-- needs: last_year
-- A girl who was not a mother in last year's return (MOTHER 0) cannot have had her first child before this
-- collection year began.
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
join header_last as l on l.CHILD = h.CHILD
where h.MOTHER = '1'
  and l.MOTHER = '0'
  and h.MC_DOB_d < collection_start()
