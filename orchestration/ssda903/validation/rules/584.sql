-- 584: Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption.
-- needs: last_year
-- A decision that ceased last year is over: any decision reported this year must be a new one, made
-- after it (a later DATE_PLACED).
select 'PlacedAdoption' as table_name, p.row_key, p.CHILD as child
from placed_adoption as p
join placed_adoption_last as l on l.CHILD = p.CHILD
where l.DATE_PLACED is not null
  and (l.DATE_PLACED_CEASED is not null or l.REASON_PLACED_CEASED is not null)
  and (p.DATE_PLACED is null or p.DATE_PLACED_d <= l.DATE_PLACED_d)
