-- 164: Distance is not valid. Please check a valid postcode has been entered.
-- severity: query
-- PL_DISTANCE (derived from HOME_POST and PL_POST) must be a number from 0.0 to 999.9; blank means a
-- postcode is missing or unknown. Not expected for short breaks (LS V3/V4) nor for children who are or were
-- UASC (this year's or last year's return), who have no home postcode distance.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where coalesce(e.LS, '') not in ('V3', 'V4')
  and not coalesce(try_cast(e.PL_DISTANCE as double) between 0.0 and 999.9, false)
  and not exists (select 1 from header as h where h.CHILD = e.CHILD and h.UASC = '1')
  and not exists (select 1 from uasc as u where u.CHILD = e.CHILD)
  and not exists (select 1 from header_last as h where h.CHILD = e.CHILD and h.UASC = '1')
  and not exists (select 1 from uasc_last as u where u.CHILD = e.CHILD)
