-- 205D: Child identified as UASC this year but not identified as UASC status provided for the child last year.
-- needs: last_year
-- UASC this year, in last year's return but not UASC there (a child cannot become unaccompanied and asylum
-- seeking while already looked after). A child absent from last year's return is not judged.
with status as (select * from uasc_status)

select 'Header' as table_name, s.row_key, s.CHILD as child
from status as s
where s.now_uasc and s.last_uasc = false
  and exists (select 1 from header_last as l where l.CHILD = s.CHILD)
