-- 607: Child ceased to be looked after in the year, but mother field has not been completed.
-- A girl who ceased to be looked after in the year (an episode with DEC in the year and REC other than
-- X1), other than from short breaks (V3/V4), must have MOTHER given. Female is 2 up to 2023/24 and F
-- from 2024/25.
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
where h.MOTHER is null
  and h.SEX = case when year_ending() >= 2025 then 'F' else '2' end
  and exists (
      select 1 from episodes as e
      where e.CHILD = h.CHILD
        and e.REC is not null and e.REC <> 'X1'
        and coalesce(e.LS, '') not in ('V3', 'V4')
        and e.DEC_d between collection_start() and collection_end()
  )
