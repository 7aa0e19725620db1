-- 347: Care leavers aged under 18 years, can not be accommodated in a Foyer.
-- Foyer accommodation is ACCOM T1/T2. DfE's coding tests the age at the start of the collection year: the
-- young person must have been 18 by then (DOB at least 18 years before collection_start()).
select 'OC3' as table_name, row_key, CHILD as child
from oc3
where ACCOM like 'T%'
  and age(DOB_d, collection_start()) < 18
