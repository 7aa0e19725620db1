-- 628: Motherhood details are not required for care leavers who have not been looked after during the year.
-- A child with care leaver information (any of IN_TOUCH, ACTIV, ACCOM) and no episode this year is a care
-- leaver only: MOTHER should be blank.
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
where h.MOTHER is not null
  and not exists (select 1 from episodes as e where e.CHILD = h.CHILD)
  and exists (
      select 1 from oc3 as o
      where o.CHILD = h.CHILD
        and (o.IN_TOUCH is not null or o.ACTIV is not null or o.ACCOM is not null)
  )
