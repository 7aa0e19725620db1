-- 189: Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.
-- Turned 17 before 1 April (a child turning 17 on 1 April itself is still expected to have an SDQ: 197B).
select 'OC2' as table_name, row_key, CHILD as child
from oc2
where DOB_d + interval 17 year < collection_start()
  and (SDQ_SCORE is not null or SDQ_REASON is not null)
