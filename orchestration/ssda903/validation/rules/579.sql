-- 579: A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.
-- Decisions in date order: a decision fails if an earlier one (earlier DATE_PLACED, or the same date and
-- earlier in the file) was still open or ceased after it was made.
select 'PlacedAdoption' as table_name, p.row_key, p.CHILD as child
from placed_adoption as p
where p.DATE_PLACED_d is not null
  and exists (
      select 1 from placed_adoption as e
      where e.CHILD = p.CHILD
        and e.row_key <> p.row_key
        and e.DATE_PLACED_d is not null
        and (e.DATE_PLACED_d < p.DATE_PLACED_d or (e.DATE_PLACED_d = p.DATE_PLACED_d and e.row_key < p.row_key))
        and (e.DATE_PLACED_CEASED is null or p.DATE_PLACED_d < e.DATE_PLACED_CEASED_d)
  )
