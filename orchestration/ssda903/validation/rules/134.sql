-- 134: Data on adoption should not be entered for the OC3 cohort.
-- A care leaver (any OC3 item given) cannot also have an adoption (any AD1 item given).
select 'AD1' as table_name, a.row_key, a.CHILD as child
from ad1 as a
where coalesce(a.DATE_INT, a.DATE_MATCH, a.FOSTER_CARE, a.NB_ADOPTR, a.SEX_ADOPTR, a.LS_ADOPTR) is not null
  and exists (
      select 1 from oc3 as o
      where o.CHILD = a.CHILD and coalesce(o.IN_TOUCH, o.ACTIV, o.ACCOM) is not null
  )
