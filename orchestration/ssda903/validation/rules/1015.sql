-- 1015: Placement provider is own provision but child not placed in own LA.
-- Own provision (PR1) other than foster and adoption placements (A3-A6, U1-U6) and short breaks (V3/V4)
-- should be in the authority's own area. PL_LA is derived from the placement postcode; where it could not
-- be derived the rule cannot tell and does not fail.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where PLACE_PROVIDER = 'PR1'
  and PLACE is not null
  and LS is not null
  and PLACE not in ('A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6')
  and LS not in ('V3', 'V4')
  and PL_LA is not null
  and PL_LA <> la_code()
