-- 188: Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed.
-- Under 4 on 31 March: the 4th birthday is after the end of the year.
select 'OC2' as table_name, row_key, CHILD as child
from oc2
where DOB_d + interval 4 year > collection_end()
  and (SDQ_SCORE is not null or SDQ_REASON is not null)
