-- 624: Date of birth of the first child contradicts the date of birth of the first child previously recorded.
-- needs: last_year
-- Once last year's return gave a first child's date of birth, this year's must be the same date (blank this
-- year contradicts it too). Dates are compared as dates when both are valid, else as text.
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
join header_last as l on l.CHILD = h.CHILD
where l.MC_DOB is not null
  and coalesce(cast(d(h.MC_DOB) as varchar), h.MC_DOB, '')
   <> coalesce(cast(d(l.MC_DOB) as varchar), l.MC_DOB)
