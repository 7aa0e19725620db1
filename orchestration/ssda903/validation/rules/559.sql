-- 559: Date of decision that a child should be placed for adoption was not in the current year but the date of the decision that the child should be placed for adoption was not completed in a previous return.
-- needs: last_year
-- uses: history
-- A decision made before this year must already have been reported, with its date, in a previous return:
-- last year's, or any earlier one at hand.
select 'PlacedAdoption' as table_name, p.row_key, p.CHILD as child
from placed_adoption as p
where p.DATE_PLACED_d < collection_start()
  and not exists (
      select 1 from placed_adoption_history as l where l.CHILD = p.CHILD and l.DATE_PLACED is not null
  )
