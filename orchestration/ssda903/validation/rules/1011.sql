-- 1011: This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.
-- The final episode is the one with the latest start; E3 is care taken over by another local authority.
with latest as (
    select *, row_number() over (partition by CHILD order by DECOM_d desc nulls last, row_key desc) as n
    from episodes
)
select 'OC3' as table_name, o.row_key, o.CHILD as child
from oc3 as o
join latest as l on l.CHILD = o.CHILD and l.n = 1
where l.REC = 'E3'
  and (o.IN_TOUCH is not null or o.ACTIV is not null or o.ACCOM is not null)
