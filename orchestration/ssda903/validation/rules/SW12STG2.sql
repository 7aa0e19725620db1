-- SW12STG2: If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after
-- For a child looked after on 31 March (an open episode, not a short break V3/V4), every episode of care
-- this year that ended within the two-year social worker reporting period (or is still open) should fall
-- in at least one reported social worker episode (an open one running to 31 March). An episode with no
-- social worker episode over any part of it is returned.
with looked_after as (
    select distinct CHILD
    from episodes
    where DEC is null and DECOM_d <= collection_end() and coalesce(LS, '') not in ('V3', 'V4')
)
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
where e.CHILD in (select CHILD from looked_after)
  and coalesce(e.LS, '') not in ('V3', 'V4')
  and e.DECOM_d is not null
  and (e.DEC is null or e.DEC_d >= collection_start() - interval 1 year)
  and not exists (
      select 1 from sw_episodes as s
      where s.CHILD = e.CHILD
        and s.SW_DECOM_d <= coalesce(e.DEC_d, collection_end())
        and coalesce(s.SW_DEC_d, collection_end()) >= e.DECOM_d
  )
