-- 205C: Child not identified as UASC either this year or last year but date UASC ceased has been provided.
-- needs: last_year
-- A date UASC ceased (this year's or last year's) for a child not UASC in either year. With UASC derived
-- from the UASC table this cannot happen; it can when Header carries the flag itself (XML, or the warehouse).
with status as (select * from uasc_status)

, failing as (
    select row_key, CHILD
    from status
    where not coalesce(now_uasc, false) and not coalesce(last_uasc, false)
      and (duc_text is not null or duc_last_text is not null)
)

select 'Header' as table_name, row_key, CHILD as child from failing
union all
select 'UASC' as table_name, u.row_key, u.CHILD as child from uasc as u join failing as f on f.CHILD = u.CHILD
