-- 407: Reason episode ceased is Special Guardianship Order, but child has reached age 18.
-- Special guardianship (E45-E48) on or after the 18th birthday.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join header as h on h.CHILD = e.CHILD
where e.REC in ('E45', 'E46', 'E47', 'E48')
  and age(h.DOB_d, e.DEC_d) >= 18
