-- 502: Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year’s record.
-- needs: last_year
-- An episode open at the end of last year continues into this year, so this year's first episode must
-- start on the same date.
with first_now as (
    select *, row_number() over (partition by CHILD order by DECOM_d, row_key) as n
    from episodes
    where DECOM_d is not null
)
select 'Episodes' as table_name, f.row_key, f.CHILD as child
from first_now as f
where f.n = 1
  and exists (
      select 1 from episodes_last as l
      where l.CHILD = f.CHILD and l.DEC is null and l.DECOM_d is distinct from f.DECOM_d
  )
