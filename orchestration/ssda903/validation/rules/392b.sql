-- 392b: Child is looked after but no postcodes are recorded.
-- Both postcodes are required outside short breaks (V3/V4), except for children who are or were UASC.
-- DfE looks back two years for UASC status; with this year's and last year's returns we see one.
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
  and (e.HOME_POST is null or e.PL_POST is null)
  and e.CHILD not in (select CHILD from uasc_children)
