-- 630: Information on previous permanence option should be returned.
-- Every child who started to be looked after this year (an episode with RNE S starting on or after 1 April)
-- needs a PrevPerm row with PREV_PERM; unless PREV_PERM is Z1 (no previous permanence), LA_PERM and
-- DATE_PERM are needed too.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
left join prev_perm as p on p.CHILD = e.CHILD
where e.RNE = 'S'
  and e.DECOM_d between collection_start() and collection_end()
  and (
      p.CHILD is null
      or p.PREV_PERM is null
      or (p.PREV_PERM <> 'Z1' and (p.LA_PERM is null or p.DATE_PERM is null))
  )
