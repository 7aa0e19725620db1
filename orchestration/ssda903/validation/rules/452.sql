-- 452: Contradiction between local authority of placement code in the last episode of the previous year and in the first episode of the current year.
-- needs: last_year
-- When last year's last episode (latest start) was still open and this year's first episode carries it
-- on (same reason for new episode), the placement LA must be the same. Both blank counts as the same.
with first_now as (
    select *, row_number() over (partition by CHILD order by DECOM_d, row_key) as n
    from episodes
    where DECOM_d is not null
),
last_prev as (
    select *, row_number() over (partition by CHILD order by DECOM_d desc, row_key desc) as n
    from episodes_last
    where DECOM_d is not null
)
select 'Episodes' as table_name, f.row_key, f.CHILD as child
from first_now as f
join last_prev as l on l.CHILD = f.CHILD and l.n = 1
where f.n = 1
  and l.DEC_d is null
  and f.RNE = l.RNE
  and f.PL_LA is distinct from l.PL_LA
