-- 624: Date of birth of the first child contradicts the date of birth of the first child previously recorded.
-- needs: last_year
-- Once last year's return gave a first child's date of birth, this year's must be the same date (blank this
-- year contradicts it too). Dates are compared as dates when both are valid, else as text.
-- Except a blank this year for a care leaver who was not looked after in the year (care leaver information
-- and no episode): DfE asks no motherhood details for her (rule 628 wants MOTHER blank, and rule 612 then
-- rejects an MC_DOB), so read literally the three rules could not all be met. The sector validator has no
-- such exception.
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
join header_last as l on l.CHILD = h.CHILD
where l.MC_DOB is not null
  and coalesce(cast(h.MC_DOB_d as varchar), h.MC_DOB, '')
   <> coalesce(cast(l.MC_DOB_d as varchar), l.MC_DOB)
  and not (
      h.MC_DOB is null
      and exists (
          select 1 from oc3 as o
          where o.CHILD = h.CHILD and (o.IN_TOUCH is not null or o.ACTIV is not null or o.ACCOM is not null)
      )
      and not exists (select 1 from episodes as e where e.CHILD = h.CHILD)
  )
