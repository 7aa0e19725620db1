-- 1000: This child is recorded as having died in care and therefore should not have the care leaver information completed.
-- An episode ending E2 (died) in this year's or, when supplied, last year's return.
select 'OC3' as table_name, o.row_key, o.CHILD as child
from oc3 as o
where (o.IN_TOUCH is not null or o.ACTIV is not null or o.ACCOM is not null)
  and (
      exists (select 1 from episodes as e where e.CHILD = o.CHILD and e.REC = 'E2')
      or exists (select 1 from episodes_last as e where e.CHILD = o.CHILD and e.REC = 'E2')
  )
