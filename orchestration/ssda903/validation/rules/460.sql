-- 460: Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.
-- E17 (stayed with current carers at 18 or over) needs the child to be 18 on the date the episode ceased.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join header as h on h.CHILD = e.CHILD
where e.REC = 'E17' and age(h.DOB_d, e.DEC_d) < 18
