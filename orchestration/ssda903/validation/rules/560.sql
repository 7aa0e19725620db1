-- 560: Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change.
-- needs: last_year
-- A decision still open at the end of last year (no DATE_PLACED_CEASED) must be reported again this year
-- with the same date. When none of the child's rows this year carries that date, every row with another
-- date fails.
with open_last as (
    select CHILD, DATE_PLACED_d as date_placed
    from placed_adoption_last
    where DATE_PLACED_d is not null and DATE_PLACED_CEASED is null
)
select 'PlacedAdoption' as table_name, p.row_key, p.CHILD as child
from placed_adoption as p
join open_last as o on o.CHILD = p.CHILD
where p.DATE_PLACED_d is distinct from o.date_placed
  and not exists (
      select 1 from placed_adoption as q where q.CHILD = o.CHILD and q.DATE_PLACED_d = o.date_placed
  )
