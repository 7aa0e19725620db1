-- 1000: This child is recorded as having died in care and therefore should not have the care leaver information completed.
-- uses: history
-- An episode ending E2 (died) in this year's return or any earlier one at hand (in the pipeline, every year
-- the warehouse holds).
with died as (
    select distinct CHILD from every_episode where REC = 'E2'
)
select 'OC3' as table_name, o.row_key, o.CHILD as child
from oc3 as o
where (o.IN_TOUCH is not null or o.ACTIV is not null or o.ACCOM is not null)
  and o.CHILD in (select CHILD from died)
