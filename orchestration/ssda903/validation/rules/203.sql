-- 203: Date of birth disagrees with the date of birth already recorded for this child.
-- needs: last_year
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
join header_last as l on l.CHILD = h.CHILD
where h.DOB_d is distinct from l.DOB_d
