-- 186: Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.
-- A child in the OC2 cohort who was 4 by 1 April and not yet 17 on 31 March needs an SDQ score, or a
-- reason for having none.
-- continuously_looked_after: the children looked after continuously for 12 months at 31 March, as DfE
-- defines it (database.py).
select 'OC2' as table_name, o.row_key, o.CHILD as child
from oc2 as o
join continuously_looked_after as cla on cla.CHILD = o.CHILD
where o.DOB_d + interval 4 year <= collection_start()
  and o.DOB_d + interval 17 year > collection_end()
  and o.SDQ_SCORE is null
  and o.SDQ_REASON is null
