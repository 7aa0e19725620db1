-- 389: Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.
-- Transferred to adult social care (E7) before the 16th birthday.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join header as h on h.CHILD = e.CHILD
where e.REC = 'E7'
  and age(h.DOB_d, e.DEC_d) < 16
