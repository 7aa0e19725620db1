-- 406: Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be blank.
-- UASC this year or last (DfE also looks two years back, which one year's history cannot show).
with uasc_children as (
    -- UASC this year or last year: the header flag (given, or derived from the UASC table) or a UASC row.
    select CHILD from header where UASC = '1'
    union select CHILD from header_last where UASC = '1'
    union select CHILD from uasc
    union select CHILD from uasc_last
)
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where e.PL_DISTANCE is not null
  and e.CHILD in (select CHILD from uasc_children)
