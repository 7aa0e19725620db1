-- 1010: This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.
-- needs: last_year
-- Last year's latest episode (latest start) had no end date, yet this year has no episode for the child
-- and care leaver information is given.
with last_open as (
    select CHILD, DEC, row_number() over (partition by CHILD order by DECOM_d desc, row_key desc) as n
    from episodes_last
    where DECOM_d is not null
)
select 'OC3' as table_name, o.row_key, o.CHILD as child
from oc3 as o
where (o.IN_TOUCH is not null or o.ACTIV is not null or o.ACCOM is not null)
  and exists (select 1 from last_open as l where l.CHILD = o.CHILD and l.n = 1 and l.DEC is null)
  and not exists (select 1 from episodes as e where e.CHILD = o.CHILD)
