-- 202: The gender code conflicts with the gender already recorded for this child.
-- needs: last_year
-- Last year's 1/2 codes are compared as M/F when this year uses M/F/U.
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
join header_last as l on l.CHILD = h.CHILD
where coalesce(case l.SEX when '1' then 'M' when '2' then 'F' else l.SEX end, '')
   <> coalesce(case h.SEX when '1' then 'M' when '2' then 'F' else h.SEX end, '')
