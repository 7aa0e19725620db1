-- 586: Dates of missing periods are before child’s date of birth.
-- A missing period starting on the date of birth is not possible either.
select 'Missing' as table_name, row_key, CHILD as child
from missing
where MIS_START_d <= DOB_d
