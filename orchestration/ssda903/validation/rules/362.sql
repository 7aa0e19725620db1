-- 362: Emergency protection order (EPO) lasted longer than 21 days
-- An emergency protection order (L2) may last 21 days.
-- Consecutive L2 episodes of a child, each starting on or before the day the previous one ended, are one
-- stretch of that legal status; an open episode runs to 31 March. Every episode of a stretch lasting more
-- than 21 days (last end minus first start) fails.
select 'Episodes' as table_name, row_key, CHILD as child
from legal_status_stretches('L2')
where days > 21
