-- 348: Care leaver has previously been reported as having died.
-- needs: last_year
select 'OC3' as table_name, o.row_key, o.CHILD as child
from oc3 as o
where coalesce(o.IN_TOUCH, '') <> 'DIED'
  and exists (select 1 from oc3_last as l where l.CHILD = o.CHILD and l.IN_TOUCH = 'DIED')
