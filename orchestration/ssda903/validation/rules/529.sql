-- 529: Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE_PROVIDER = 'PR3' and PLACE in ('P1', 'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6')
