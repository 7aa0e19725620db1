-- 205D: Child identified as UASC this year but not identified as UASC status provided for the child last year.
-- needs: last_year
-- UASC this year, in last year's return but not UASC there (a child cannot become unaccompanied and asylum
-- seeking while already looked after). A child absent from last year's return is not judged.
-- status: each child's UASC flag this year and last year (Header's UASC, derived from the UASC table when
-- the return is CSV; null when unknown: no flag and no UASC table supplied) and date UASC ceased.
with status as (
    select
        h.row_key, h.CHILD,
        coalesce(h.UASC = '1', case when exists (select 1 from uasc as u where u.CHILD = h.CHILD) then true end) as now_uasc,
        (select max(d(u.DUC)) from uasc as u where u.CHILD = h.CHILD) as duc,
        (select max(u.DUC) from uasc as u where u.CHILD = h.CHILD) as duc_text,
        coalesce(
            (select bool_or(l.UASC = '1') from header_last as l where l.CHILD = h.CHILD),
            case when exists (select 1 from uasc_last as u where u.CHILD = h.CHILD) then true end
        ) as last_uasc,
        (select max(d(u.DUC)) from uasc_last as u where u.CHILD = h.CHILD) as duc_last,
        (select max(u.DUC) from uasc_last as u where u.CHILD = h.CHILD) as duc_last_text,
        (select max(coalesce(d(u.DOB), d(l.DOB)))
         from uasc_last as u left join header_last as l on l.CHILD = u.CHILD
         where u.CHILD = h.CHILD) as dob_last
    from header as h
)

select 'Header' as table_name, s.row_key, s.CHILD as child
from status as s
where s.now_uasc and s.last_uasc = false
  and exists (select 1 from header_last as l where l.CHILD = s.CHILD)
