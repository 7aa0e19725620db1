-- 562: Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year.
-- needs: last_year
-- The earliest episode this year that started before 1 April was open at the end of last year, so it
-- must be last year's last episode (latest start), with the same start date.
with first_before as (
    select *, row_number() over (partition by CHILD order by DECOM_d, row_key) as n
    from episodes
    where DECOM_d < collection_start()
),
last_prev as (
    select *, row_number() over (partition by CHILD order by DECOM_d desc, row_key desc) as n
    from episodes_last
    where DECOM_d is not null
)
select 'Episodes' as table_name, f.row_key, f.CHILD as child
from first_before as f
where f.n = 1
  and not exists (
      select 1 from last_prev as l where l.CHILD = f.CHILD and l.n = 1 and l.DECOM_d = f.DECOM_d
  )
