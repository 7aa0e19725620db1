-- 503A: The reason for new episode in the first episode does not match open episode at end of last year.
-- needs: last_year
-- When last year's last episode (latest start) was still open, this year's first episode is the same
-- episode, so its RNE must be the same (both blank counts as the same).
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
  and f.RNE is distinct from l.RNE
