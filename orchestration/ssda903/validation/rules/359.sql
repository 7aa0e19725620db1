-- 359: Child being looked after following 18th birthday must be accommodated under section 20(5) of the Children Act 1989 in a community home.
-- An episode open at 31 March for a young person past their 18th birthday must be V2 (s.20(5)) in K2.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join header as h on h.CHILD = e.CHILD
where e.DEC is null
  and h.DOB_d + interval 18 year < collection_end()
  and not (coalesce(e.LS, '') = 'V2' and coalesce(e.PLACE, '') = 'K2')
