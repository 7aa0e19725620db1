-- 580: Child is missing when cease being looked after but reason episode ceased not ‘E8’.
-- DfE's case: a child still missing on their 18th birthday, when care ends (missing period and episode
-- both end on that birthday), has care ceasing for "any other reason", E8.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join missing as m on m.CHILD = e.CHILD
where e.DEC_d is not null
  and m.MIS_END_d = e.DEC_d
  and m.MIS_END_d = cast(m.DOB_d + interval 18 year as date)
  and coalesce(e.REC, '') <> 'E8'
