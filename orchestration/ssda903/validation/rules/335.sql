-- 335: The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.
-- The episode that ended in adoption (REC E11/E12; E1 in older returns): A3/A5 mean placed with the
-- current foster carer, so FOSTER_CARE must not be 0; A4/A6 mean not, so it must not be 1. (A1 and A2,
-- which DfE's message names, are not current placement codes.)
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join ad1 as a on a.CHILD = e.CHILD
where e.REC in ('E1', 'E11', 'E12')
  and ((e.PLACE in ('A2', 'A3', 'A5') and a.FOSTER_CARE = '0')
       or (e.PLACE in ('A1', 'A4', 'A6') and a.FOSTER_CARE = '1'))
