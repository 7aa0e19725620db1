-- 374: Child in residential employment should be at least 14 years old.
-- P3 (residential employment): at least 14 at the episode's start.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join header as h on h.CHILD = e.CHILD
where e.PLACE = 'P3'
  and age(h.DOB_d, e.DECOM_d) < 14
