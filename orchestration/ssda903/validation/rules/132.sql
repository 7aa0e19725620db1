-- 132: Data entry for activity after leaving care is invalid.
-- F3/P3 were replaced by F4/P4/F5/P5; '0' is the code for not in touch, died or returned home.
select 'OC3' as table_name, row_key, CHILD as child
from oc3
where ACTIV is null or ACTIV not in (select code from year_codes('ACTIV'))
