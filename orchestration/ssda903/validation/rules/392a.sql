-- 392a: Child is looked after but no distance is recorded.
-- uses: history
-- Every episode outside short breaks (V3/V4) has a distance, except for children who are or were UASC
-- (rule 406: their distance stays blank): DfE looks at UASC status this year and in the two years before,
-- which the earlier returns at hand show (in the pipeline, always; with last year's return alone, one year).
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where coalesce(e.LS, '') not in ('V3', 'V4')
  and e.PL_DISTANCE is null
  and e.CHILD not in (select CHILD from uasc_in_last_years(2))
