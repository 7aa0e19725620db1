-- 205B: Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.
-- needs: last_year
-- UASC in both years: the child was still UASC at 31 March last year, so last year's DUC is the date the
-- status would end, the 18th birthday; this year's DUC either falls in this year (the status ceased) or is
-- still that same date. Reported on Header and on the child's UASC row(s).
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
    where now_uasc and last_uasc
      and (
          (not coalesce(duc between collection_start() and collection_end(), false)
           and not coalesce(duc = duc_last, false))
          or not coalesce(duc_last = dob_last + interval 18 year, false)
      )
)

select 'Header' as table_name, row_key, CHILD as child from failing
union all
select 'UASC' as table_name, u.row_key, u.CHILD as child from uasc as u join failing as f on f.CHILD = u.CHILD
