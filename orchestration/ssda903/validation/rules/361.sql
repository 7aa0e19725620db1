-- 361: Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.
-- Police protection (L1) may last 72 hours: 3 days from the start date.
-- Consecutive L1 episodes of a child, each starting on or before the day the previous one ended, are one
-- stretch of that legal status; an open episode runs to 31 March. Every episode of a stretch lasting more
-- than 3 days (last end minus first start) fails.
select 'Episodes' as table_name, row_key, CHILD as child
from legal_status_stretches('L1')
where days > 3
