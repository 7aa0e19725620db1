-- 197B: SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.
-- A child in the OC2 cohort who turns 4 or turns 17 during the year (birthday from 1 April to 31 March)
-- needs an SDQ score or a reason for having none.
-- continuously_looked_after: the children looked after continuously for 12 months at 31 March, as DfE
-- defines it (database.py).
select 'OC2' as table_name, o.row_key, o.CHILD as child
from oc2 as o
join continuously_looked_after as cla on cla.CHILD = o.CHILD
where (
      (o.DOB_d + interval 4 year) :: date between collection_start() and collection_end()
      or (o.DOB_d + interval 17 year) :: date between collection_start() and collection_end()
  )
  and o.SDQ_SCORE is null
  and o.SDQ_REASON is null
