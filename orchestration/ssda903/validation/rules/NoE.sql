-- NoE: This child has no episodes loaded for previous year even though child started to be looked after before this current year.
-- needs: last_year
-- An episode this year that started before 1 April should have been in last year's return, so the child
-- needs at least one episode there.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where e.DECOM_d < collection_start()
  and not exists (select 1 from episodes_last as l where l.CHILD = e.CHILD)
