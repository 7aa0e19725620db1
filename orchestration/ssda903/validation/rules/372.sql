-- 372: Child in youth custody or prison should be at least 10.
-- R5 (young offender institution or prison): at least 10 at the episode's start.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join header as h on h.CHILD = e.CHILD
where e.PLACE = 'R5'
  and age(h.DOB_d, e.DECOM_d) < 10
