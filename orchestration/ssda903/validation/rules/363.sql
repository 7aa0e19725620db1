-- 363: Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.
-- A child assessment order (L3) may last 7 days.
-- Consecutive L3 episodes of a child, each starting on or before the day the previous one ended, are one
-- stretch of that legal status; an open episode runs to 31 March. Every episode of a stretch lasting more
-- than 7 days (last end minus first start) fails.
select 'Episodes' as table_name, row_key, CHILD as child
from legal_status_stretches('L3')
where days > 7
