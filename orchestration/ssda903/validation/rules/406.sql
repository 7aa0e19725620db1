-- 406: Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be blank.
-- uses: history
-- UASC this year or in the two years before (DfE's look-back), as far as the earlier returns at hand show.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where e.PL_DISTANCE is not null
  and e.CHILD in (select CHILD from uasc_in_last_years(2))
