-- 392a: Child is looked after but no distance is recorded.
-- Every episode outside short breaks (V3/V4) has a distance, except for children who are or were UASC
-- (rule 406: their distance stays blank). DfE looks back two years for UASC status; with this year's and
-- last year's returns we see one year back, so a child UASC only two years ago may fail here.
with uasc_children as (
    -- UASC this year or last year: the header flag (given, or derived from the UASC table) or a UASC row.
    select CHILD from header where UASC = '1'
    union select CHILD from header_last where UASC = '1'
    union select CHILD from uasc
    union select CHILD from uasc_last
)
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where coalesce(e.LS, '') not in ('V3', 'V4')
  and e.PL_DISTANCE is null
  and e.CHILD not in (select CHILD from uasc_children)
