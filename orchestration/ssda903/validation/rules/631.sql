-- 631: Previous permanence option not a valid value.
select 'PrevPerm' as table_name, row_key, CHILD as child
from prev_perm
where PREV_PERM is not null and PREV_PERM not in (select code from year_codes('PREV_PERM'))
