-- 196: Strengths and Difficulties (SDQ) reason is not a valid code.
select 'OC2' as table_name, row_key, CHILD as child
from oc2
where SDQ_REASON is not null and SDQ_REASON not in (select code from year_codes('SDQ_REASON'))
