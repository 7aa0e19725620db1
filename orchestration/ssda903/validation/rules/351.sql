-- 351: Child was over 25 at the start of the current collection year.
-- Over 25: the 25th birthday was before 1 April.
select 'Header' as table_name, row_key, CHILD as child
from header
where DOB_d + interval 25 year < collection_start()
