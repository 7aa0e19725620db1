-- 503G: The distance in first episode does not match open episode at end of last year.
-- needs: last_year
-- When last year's last episode (latest start) was still open, this year's first episode is the same
-- episode: its distance may differ by less than 0.2 miles (postcode directory revisions), but a
-- distance on one side only is a mismatch.
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
  and (
      round(abs(try_cast(f.PL_DISTANCE as double) - try_cast(l.PL_DISTANCE as double)), 6) >= 0.2
      or (f.PL_DISTANCE is null) <> (l.PL_DISTANCE is null)
  )
