-- 563: The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank
-- Either item of the decision ceasing (date or reason) shows the child should no longer be placed.
select 'PlacedAdoption' as table_name, row_key, CHILD as child
from placed_adoption
where DATE_PLACED is null and (DATE_PLACED_CEASED is not null or REASON_PLACED_CEASED is not null)
