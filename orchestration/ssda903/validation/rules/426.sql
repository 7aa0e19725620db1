-- 426: A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.
-- A child with both V3 and V4 episodes in the return: every such episode fails.
with v3_and_v4 as (
    select CHILD
    from episodes
    group by CHILD
    having bool_or(LS = 'V3') and bool_or(LS = 'V4')
)
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where LS in ('V3', 'V4')
  and CHILD in (select CHILD from v3_and_v4)
