-- 393: Child is looked after but mother field is not completed.
-- A girl (SEX F; 2 up to 2023/24, when DfE's codes were 1 and 2) looked after outside short breaks (some
-- episode not V3/V4) needs MOTHER. From 2024/25 a SEX of 2 is no code at all (rule 101), not a girl.
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
where (h.SEX = 'F' or (h.SEX = '2' and year_ending() <= 2024))
  and h.MOTHER is null
  and exists (
      select 1 from episodes as e
      where e.CHILD = h.CHILD and coalesce(upper(e.LS), '') not in ('V3', 'V4')
  )
