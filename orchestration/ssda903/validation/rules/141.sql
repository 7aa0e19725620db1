-- 141: Date episode began is not a valid date.
-- DECOM is mandatory on every episode (the XML schema requires it): a blank start date is not a valid date.
select 'Episodes' as table_name, row_key, CHILD as child
from episodes
where DECOM is null or DECOM_d is null
