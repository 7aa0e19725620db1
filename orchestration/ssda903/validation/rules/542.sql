-- 542: A child aged under 10 at 31 March should not have conviction information completed.
-- Convictions and cautions are collected for children aged 10 or over (the age of criminal responsibility).
select 'OC2' as table_name, row_key, CHILD as child
from oc2
where CONVICTED is not null and age(DOB_d, collection_end()) < 10
