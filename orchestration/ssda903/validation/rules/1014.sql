-- 1014: UASC information is not required for care leavers
-- A child with care leaver information and no episode open at any time this year (a care leaver only)
-- should have no UASC row; a child with no episodes at all counts as one.
select 'UASC' as table_name, u.row_key, u.CHILD as child
from uasc as u
where exists (
          select 1 from oc3 as o
          where o.CHILD = u.CHILD and (o.IN_TOUCH is not null or o.ACTIV is not null or o.ACCOM is not null)
      )
  and not exists (
          select 1 from episodes as e
          where e.CHILD = u.CHILD
            and e.DECOM_d <= collection_end()
            and (e.DEC is null or e.DEC_d >= collection_start())
      )
