-- 131: Data entry for being in touch after leaving care is invalid.
-- Every care leaver's OC3 row needs IN_TOUCH: blank is not a valid entry.
select 'OC3' as table_name, row_key, CHILD as child
from oc3
where IN_TOUCH is null or IN_TOUCH not in (select code from year_codes('IN_TOUCH'))
