-- 621: Mother’s field has been completed but date of birth shows that the mother is younger than her child.
-- The first child's date of birth must be after the mother's; the same day fails too.
select 'Header' as table_name, row_key, CHILD as child
from header
where MC_DOB_d is not null
  and DOB_d is not null
  and MC_DOB_d <= DOB_d
