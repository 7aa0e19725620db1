-- 164: Distance is not valid. Please check a valid postcode has been entered.
-- severity: query
-- uses: history
-- A PL_DISTANCE that is there must be a number from 0.0 to 999.9. A blank distance is "no distance is
-- recorded", rule 392a's message (and a postcode that does not exist is 392c's), so this rule does not
-- report it again. Not expected for short breaks (LS V3/V4) nor for children who are or were UASC (this
-- year or the two before, as 392a and 406), who have no home postcode distance.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where coalesce(e.LS, '') not in ('V3', 'V4')
  and e.PL_DISTANCE is not null
  and not coalesce(try_cast(e.PL_DISTANCE as double) between 0.0 and 999.9, false)
  and e.CHILD not in (select CHILD from uasc_in_last_years(2))
