-- 386: Reason episode ceased is adopted but child has reached age 18.
-- Adopted (E11, E12) on or after the 18th birthday.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join header as h on h.CHILD = e.CHILD
where e.REC in ('E11', 'E12')
  and age(h.DOB_d, e.DEC_d) >= 18
