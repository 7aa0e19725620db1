-- 301: Date of birth falls after the year ended.
select 'Header' as table_name, row_key, CHILD as child
from header
where DOB_d > collection_end()
