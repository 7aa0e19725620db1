-- 525: A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.
-- A reversed decision (DATE_PLACED_CEASED given) with adoption details (any AD1 item) fails, unless the
-- child also has a later decision still in force: a decision reversed before a new one led to adoption
-- is history, not a contradiction.
select 'PlacedAdoption' as table_name, p.row_key, p.CHILD as child
from placed_adoption as p
where p.DATE_PLACED_CEASED is not null
  and exists (
      select 1 from ad1 as a
      where a.CHILD = p.CHILD
        and (a.DATE_INT is not null or a.DATE_MATCH is not null or a.FOSTER_CARE is not null
             or a.NB_ADOPTR is not null or a.SEX_ADOPTR is not null or a.LS_ADOPTR is not null)
  )
  and not exists (
      select 1 from placed_adoption as o
      where o.CHILD = p.CHILD and o.DATE_PLACED_CEASED is null and o.REASON_PLACED_CEASED is null
        and o.DATE_PLACED_d >= p.DATE_PLACED_CEASED_d
  )
