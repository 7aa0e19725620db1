-- 157: Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.
-- SDQ1 (aged under 4 or over 16 at the assessment) cannot be the reason for a child in the OC2 cohort who
-- was 4 by 1 April and whose 16th birthday is not before 31 March (DfE's coding, as the sector validator
-- reads it: DOB + 4 years <= 1 April and DOB + 16 years >= 31 March).
-- continuously_looked_after: the children looked after continuously for 12 months at 31 March, as DfE
-- defines it (database.py).
select 'OC2' as table_name, o.row_key, o.CHILD as child
from oc2 as o
join continuously_looked_after as cla on cla.CHILD = o.CHILD
where o.DOB_d + interval 4 year <= collection_start()
  and o.DOB_d + interval 16 year >= collection_end()
  and o.SDQ_SCORE is null
  and o.SDQ_REASON = 'SDQ1'
