-- 169: Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered.
-- severity: query
-- PL_LA is derived from PL_POST (blank when the postcode is missing or unknown); every episode except a
-- short break (LS V3/V4) needs one.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where coalesce(LS, '') not in ('V3', 'V4') and PL_LA is null
