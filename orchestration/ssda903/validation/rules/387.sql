-- 387: Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.
-- Independent living (E5, E6) before the 14th birthday.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join header as h on h.CHILD = e.CHILD
where e.REC in ('E5', 'E6')
  and age(h.DOB_d, e.DEC_d) < 14
