-- 391: Young person was not 17, 18, 19, 20 or 21 during the current collection year.
-- Care leaver information for someone who was never 17-21 in the year: under 17 on 31 March, or already
-- 22 on 1 April. (DfE's coding spells out the under-17 case; the message covers both.)
select 'OC3' as table_name, row_key, CHILD as child
from oc3
where (IN_TOUCH is not null or ACTIV is not null or ACCOM is not null)
  and (age(DOB_d, collection_end()) < 17 or age(DOB_d, collection_start()) >= 22)
