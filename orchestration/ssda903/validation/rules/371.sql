-- 371: Child in supported accomodation not subject to children’s homes regulations should be at least 16.
-- K3 (registered supported accommodation): at least 16 at the episode's start.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join header as h on h.CHILD = e.CHILD
where e.PLACE = 'K3'
  and age(h.DOB_d, e.DECOM_d) < 16
