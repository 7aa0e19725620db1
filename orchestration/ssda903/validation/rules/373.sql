-- 373: Child placed in a school should be at least 4 years old.
-- S1 (residential school): at least 4 at the episode's start.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join header as h on h.CHILD = e.CHILD
where e.PLACE = 'S1'
  and age(h.DOB_d, e.DECOM_d) < 4
