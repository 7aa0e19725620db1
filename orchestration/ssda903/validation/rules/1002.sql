-- 1002: This child has no previous episodes of care, therefore should not have care leaver information recorded.
-- needs: last_year
-- Only this year's and last year's episodes are at hand. A care leaver was looked after after their 16th
-- birthday, so for a young person whose 16th birthday fell on or after the start of last year's collection,
-- no episode in either return shows there were none; older care leavers' care can lie before last year's
-- return and is not judged.
select 'OC3' as table_name, o.row_key, o.CHILD as child
from oc3 as o
left join header as h on h.CHILD = o.CHILD
where (o.IN_TOUCH is not null or o.ACTIV is not null or o.ACCOM is not null)
  and cast(coalesce(d(h.DOB), d(o.DOB)) + interval 16 year as date) >= collection_start() - interval 1 year
  and not exists (select 1 from episodes as e where e.CHILD = o.CHILD)
  and not exists (select 1 from episodes_last as e where e.CHILD = o.CHILD)
