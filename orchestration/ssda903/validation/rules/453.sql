-- 453: Contradiction between placement distance in the last episode of the previous year and in the first episode of the current year.
-- needs: last_year
-- As 452, for the distance: a difference of 0.2 miles or more (postcode directory revisions move
-- distances slightly), or a distance on one side only, is a contradiction.
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
  and (
      round(abs(try_cast(f.PL_DISTANCE as double) - try_cast(l.PL_DISTANCE as double)), 6) >= 0.2
      or (f.PL_DISTANCE is null) <> (l.PL_DISTANCE is null)
  )
