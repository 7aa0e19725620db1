-- 209: Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.
-- UN1 (not yet of school age) is wrong for a child who was 4 by 31 August before the collection year
-- started, i.e. started reception by then (31/08/2024 for 2025/26).
select 'Header' as table_name, row_key, CHILD as child
from header
where UPN = 'UN1'
  and DOB_d + interval 4 year <= make_date(year_ending() - 2, 8, 31)
