-- 392b: Child is looked after but no postcodes are recorded.
-- uses: history
-- Both postcodes are required outside short breaks (V3/V4), except for children who are or were UASC:
-- this year or in the two years before (DfE's look-back), as far as the earlier returns at hand show.
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where coalesce(e.LS, '') not in ('V3', 'V4')
  and (e.HOME_POST is null or e.PL_POST is null)
  and e.CHILD not in (select CHILD from uasc_in_last_years(2))
