-- 205B: Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.
-- needs: last_year
-- UASC in both years: the child was still UASC at 31 March last year, so last year's DUC is the date the
-- status would end, the 18th birthday; this year's DUC either falls in this year (the status ceased) or is
-- still that same date. Reported on Header and on the child's UASC row(s).
with status as (select * from uasc_status)

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
