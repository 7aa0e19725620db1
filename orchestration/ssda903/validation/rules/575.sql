-- 575: If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.
-- The placement the child went missing from is an episode running on the day they went missing (start to
-- end inclusive); once that episode has ended, the missing period must have an end date.
select 'Missing' as table_name, m.row_key, m.CHILD as child
from missing as m
where m.MIS_END is null
  and exists (
      select 1 from episodes as e
      where e.CHILD = m.CHILD
        and e.DEC_d is not null
        and e.DECOM_d <= m.MIS_START_d
        and m.MIS_START_d <= e.DEC_d
  )
