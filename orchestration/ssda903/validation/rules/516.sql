-- 516: The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.
-- E45/E46 are special guardianship orders to former foster carers, so the episode that ends with them
-- must be a foster placement (U1-U6).
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where REC in ('E45', 'E46') and coalesce(PLACE, '') not in ('U1', 'U2', 'U3', 'U4', 'U5', 'U6')
