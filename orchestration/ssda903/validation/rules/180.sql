-- 180: Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.
-- The SDQ total difficulties score is a whole number from 0 to 40.
select 'OC2' as table_name, row_key, CHILD as child
from oc2
where SDQ_SCORE is not null
  and not coalesce(regexp_full_match(SDQ_SCORE, '[0-9]{1,2}') and try_cast(SDQ_SCORE as integer) <= 40, false)
