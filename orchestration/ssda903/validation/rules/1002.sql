-- 1002: This child has no previous episodes of care, therefore should not have care leaver information recorded.
-- needs: last_year
-- uses: history
-- A care leaver was looked after after their 16th birthday, so for a young person whose 16th birthday falls
-- on or after the first day of the earliest return at hand (history_start(); 2018/19 in the pipeline), no
-- episode in this return or any earlier one shows there were none. Earlier care leavers' care can lie
-- before the history and is not judged.
select 'OC3' as table_name, o.row_key, o.CHILD as child
from oc3 as o
left join header as h on h.CHILD = o.CHILD
where (o.IN_TOUCH is not null or o.ACTIV is not null or o.ACCOM is not null)
  and cast(coalesce(h.DOB_d, o.DOB_d) + interval 16 year as date) >= history_start()
  and o.CHILD not in (select CHILD from every_episode)
