-- 553: Placement order has been granted but there is no date of decision that the child should be placed for adoption.
-- A placement order (LS E1) needs a decision that the child should be placed for adoption; while the
-- order is in force (episode open at 31 March) that decision must still stand (not ceased).
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where e.LS = 'E1'
  and (
      not exists (
          select 1 from placed_adoption as p where p.CHILD = e.CHILD and p.DATE_PLACED is not null
      )
      or (
          e.DEC is null
          and not exists (
              select 1 from placed_adoption as p
              where p.CHILD = e.CHILD and p.DATE_PLACED is not null
                and p.DATE_PLACED_CEASED is null and p.REASON_PLACED_CEASED is null
          )
      )
  )
