-- 582: Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.
-- severity: query
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join ad1 as a on a.CHILD = e.CHILD
where e.REC in ('E11', 'E12') and e.DEC_d = a.DATE_MATCH_d
