-- 182: Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.
-- Immunisations, teeth check, health assessment and substance misuse are the core OC2 items: once any of the
-- eight yes/no items is given, all four must be. (SDQ items are not part of this rule.)
select 'OC2' as table_name, row_key, CHILD as child
from oc2
where coalesce(CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE,
               INTERVENTION_RECEIVED, INTERVENTION_OFFERED) is not null
  and (IMMUNISATIONS is null or TEETH_CHECK is null or HEALTH_ASSESSMENT is null or SUBSTANCE_MISUSE is null)
