-- 153: All data items relating to a child's activity or accommodation after leaving care must be coded or left blank.
-- IN_TOUCH, ACTIV and ACCOM: all given or all blank.
select 'OC3' as table_name, row_key, CHILD as child
from oc3
where coalesce(IN_TOUCH, ACTIV, ACCOM) is not null
  and (IN_TOUCH is null or ACTIV is null or ACCOM is null)
