-- 205C: Child not identified as UASC either this year or last year but date UASC ceased has been provided.
-- needs: last_year
-- A date UASC ceased (this year's or last year's) for a child not UASC in either year. With UASC derived
-- from the UASC table this cannot happen; it can when Header carries the flag itself (XML, or the warehouse).
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

, failing as (
    select row_key, CHILD
    from status
    where not coalesce(now_uasc, false) and not coalesce(last_uasc, false)
      and (duc_text is not null or duc_last_text is not null)
)

select 'Header' as table_name, row_key, CHILD as child from failing
union all
select 'UASC' as table_name, u.row_key, u.CHILD as child from uasc as u join failing as f on f.CHILD = u.CHILD
