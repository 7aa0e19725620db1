-- 197a: Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.
select 'OC2' as table_name, row_key, CHILD as child
from oc2
where SDQ_SCORE is not null and SDQ_REASON is not null
