-- 133: Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid
-- The letter is the accommodation, the digit whether it is suitable (1) or not (2); S and X exist only as
-- S2 and X2 (homeless, custody: never suitable); '0' is not in touch, died or returned home.
select 'OC3' as table_name, row_key, CHILD as child
from oc3
where ACCOM is null or ACCOM not in (select code from year_codes('ACCOM'))
