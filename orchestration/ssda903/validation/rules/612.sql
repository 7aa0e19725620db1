-- 612: Date of birth field has been completed but mother field indicates child is not a mother.
-- Applies to girls only (SEX 2 up to 2023/24, F from 2024/25, when the sex codes changed): a girl who is
-- not a mother (MOTHER 0 or blank) has no first child's date of birth.
select 'Header' as table_name, row_key, CHILD as child
from header
where (MOTHER = '0' or MOTHER is null)
  and SEX = case when year_ending() >= 2025 then 'F' else '2' end
  and MC_DOB is not null
