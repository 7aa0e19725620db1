-- 393: Child is looked after but mother field is not completed.
-- A girl (SEX F; 2 up to 2023/24) looked after outside short breaks (some episode not V3/V4) needs MOTHER.
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
where h.SEX in ('F', '2')
  and h.MOTHER is null
  and exists (
      select 1 from episodes as e
      where e.CHILD = h.CHILD and coalesce(upper(e.LS), '') not in ('V3', 'V4')
  )
