-- 544: Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.
-- "Completed" means given (0 or 1), not only 1.
select 'OC2' as table_name, row_key, CHILD as child
from oc2
where CONVICTED is not null
  and (IMMUNISATIONS is null or TEETH_CHECK is null or HEALTH_ASSESSMENT is null or SUBSTANCE_MISUSE is null)
