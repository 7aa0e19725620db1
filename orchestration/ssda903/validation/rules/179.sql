-- 179: Placement location code is not a valid code.
-- PL_LOCATION (IN or OUT of the authority) is derived from PL_POST; every episode except a short break
-- (LS V3/V4) needs one.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where coalesce(LS, '') not in ('V3', 'V4') and (PL_LOCATION is null or PL_LOCATION not in ('IN', 'OUT'))
