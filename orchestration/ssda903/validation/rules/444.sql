-- 444: Duplicate UPN has been reported
-- A real UPN must be unique within the return; the "unknown" codes UN1-UN5 may repeat.
with real_upn as (
    select row_key, CHILD, UPN from header
    where UPN is not null and UPN not in ('UN1', 'UN2', 'UN3', 'UN4', 'UN5')
)
select 'Header' as table_name, row_key, CHILD as child
from real_upn
where UPN in (select UPN from real_upn group by UPN having count(*) > 1)
