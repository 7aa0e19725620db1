-- 119: If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.
-- The date and the reason a decision was reversed go together: both given or both blank.
select 'PlacedAdoption' as table_name, row_key, CHILD as child
from placed_adoption
where (DATE_PLACED_CEASED is null) <> (REASON_PLACED_CEASED is null)
