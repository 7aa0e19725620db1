-- 557: Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.
-- From 2024/25 (freeing orders, D1, dropped from the rule): an episode in a placement for adoption
-- (A3-A6) or under a placement order (E1) that ends care (REC given, not X1) other than by adoption
-- (E11, E12) needs every decision to place to show that it ceased: DATE_PLACED_CEASED and
-- REASON_PLACED_CEASED.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where (e.PLACE in ('A3', 'A4', 'A5', 'A6') or e.LS = 'E1')
  and e.REC is not null and e.REC not in ('X1', 'E11', 'E12')
  and (
      not exists (select 1 from placed_adoption as p where p.CHILD = e.CHILD)
      or exists (
          select 1 from placed_adoption as p
          where p.CHILD = e.CHILD and (p.DATE_PLACED_CEASED is null or p.REASON_PLACED_CEASED is null)
      )
  )
