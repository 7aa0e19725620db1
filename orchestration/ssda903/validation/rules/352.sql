-- 352: Child who started to be looked after was aged 18 or over.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join header as h on h.CHILD = e.CHILD
where e.RNE = 'S'
  and age(h.DOB_d, e.DECOM_d) >= 18
