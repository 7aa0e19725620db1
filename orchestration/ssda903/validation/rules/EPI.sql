-- EPI: WARNING: Episodes need to be loaded for this child before further validation is possible
-- severity: query
-- A child in the Header with no episode this year and no care leaver (OC3) row: DfE's system warns that it
-- cannot validate the child further.
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
where not exists (select 1 from episodes as e where e.CHILD = h.CHILD)
  and not exists (select 1 from oc3 as o where o.CHILD = h.CHILD)
