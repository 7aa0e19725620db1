-- 204: Ethnic origin code disagrees with the ethnic origin already recorded for this child.
-- needs: last_year
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
join header_last as l on l.CHILD = h.CHILD
where upper(coalesce(h.ETHNIC, '')) <> upper(coalesce(l.ETHNIC, ''))
