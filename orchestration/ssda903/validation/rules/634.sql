-- 634: There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.
-- Previous permanence is collected only for children who started to be looked after on or after
-- 01/04/2016: a PrevPerm row with any of PREV_PERM, LA_PERM, DATE_PERM needs at least one episode starting
-- on or after that date (none at all fails too). The child's latest episode is returned with the row.
with latest as (
    select *, row_number() over (partition by CHILD order by DECOM_d desc nulls last, row_key desc) as n
    from episodes
),
failing as (
    select p.row_key, p.CHILD
    from prev_perm as p
    where (p.PREV_PERM is not null or p.LA_PERM is not null or p.DATE_PERM is not null)
      and not exists (
          select 1 from episodes as e where e.CHILD = p.CHILD and e.DECOM_d >= date '2016-04-01'
      )
)
select 'PrevPerm' as table_name, row_key, CHILD as child
from failing
union all
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from latest as e
where e.n = 1 and e.CHILD in (select CHILD from failing)
