-- 503D: The placement type in the first episode does not match open episode at end of last year
-- needs: last_year
-- When last year's last episode (latest start) was still open, this year's first episode is the same
-- episode, so its placement type must be the same. In 2025/26 only, a Z1 placement carried on as one of
-- Z11-Z14 (which replaced Z1) is accepted.
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
  and f.PLACE is distinct from l.PLACE
  and not (year_ending() = 2026 and l.PLACE = 'Z1' and f.PLACE in ('Z11', 'Z12', 'Z13', 'Z14'))
