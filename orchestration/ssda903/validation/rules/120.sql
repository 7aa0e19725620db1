-- 120: The reason for the reversal of the decision that the child should be placed for adoption code is not valid.
-- Blank is allowed here (a decision not reversed); 119 pairs it with DATE_PLACED_CEASED.
select 'PlacedAdoption' as table_name, row_key, CHILD as child
from placed_adoption
where REASON_PLACED_CEASED is not null
  and REASON_PLACED_CEASED not in (select code from year_codes('REASON_PLACED_CEASED'))
