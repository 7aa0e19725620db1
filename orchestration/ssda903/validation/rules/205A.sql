-- 205A: Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.
-- needs: last_year
-- UASC last year and not this year: the status ceased last year, so last year's DUC must fall in last year's
-- collection year, and no DUC is reported this year. Reported on Header and on any UASC row of the child.
with status as (select * from uasc_status)

, failing as (
    select row_key, CHILD
    from status
    where last_uasc and not now_uasc
      and (
          duc_text is not null
          or not coalesce(duc_last between collection_start() - interval 1 year and collection_end() - interval 1 year, false)
      )
)

select 'Header' as table_name, row_key, CHILD as child from failing
union all
select 'UASC' as table_name, u.row_key, u.CHILD as child from uasc as u join failing as f on f.CHILD = u.CHILD
