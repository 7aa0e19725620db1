-- 114: Data entry to record the status of former carer(s) of an adopted child is invalid.
-- FOSTER_CARE: 1 adopted by former foster carer(s), 0 not; blank is left to 151.
select 'AD1' as table_name, row_key, CHILD as child
from ad1
where FOSTER_CARE is not null and FOSTER_CARE not in ('0', '1')
