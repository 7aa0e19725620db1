-- 174: Mother's child date of birth is recorded but sex shows that the child is a male.
-- Male is 1 up to 2023/24 and M from 2024/25.
select 'Header' as table_name, row_key, CHILD as child
from header
where MC_DOB is not null and SEX = case when year_ending() >= 2025 then 'M' else '1' end
