-- 181: Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.
-- Each OC2 yes/no item, when given, is 1 (yes) or 0 (no).
select 'OC2' as table_name, row_key, CHILD as child
from oc2
where exists (
    select 1
    from (values (CONVICTED), (HEALTH_CHECK), (IMMUNISATIONS), (TEETH_CHECK), (HEALTH_ASSESSMENT),
                 (SUBSTANCE_MISUSE), (INTERVENTION_RECEIVED), (INTERVENTION_OFFERED)) as item(value)
    where item.value is not null and item.value not in ('0', '1')
)
