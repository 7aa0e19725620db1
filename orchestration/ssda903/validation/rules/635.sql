-- 635: There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1
-- Z1 means no previous permanence, so no date of order or arranging authority. The sector validator checks
-- instead for a date or authority given with no PREV_PERM at all; that case is kept as well.
select 'PrevPerm' as table_name, row_key, CHILD as child
from prev_perm
where (LA_PERM is not null or DATE_PERM is not null)
  and (PREV_PERM = 'Z1' or PREV_PERM is null)
