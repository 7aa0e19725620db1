-- 344: The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.
-- DIED or RHOM: activity and accommodation are 0 (a blank is a missing value, rules 132/133, not this).
select 'OC3' as table_name, row_key, CHILD as child
from oc3
where IN_TOUCH in ('DIED', 'RHOM')
  and (coalesce(ACTIV, '0') <> '0' or coalesce(ACCOM, '0') <> '0')
