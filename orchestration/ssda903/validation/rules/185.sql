-- 185: Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.
-- cla: children looked after continuously for 12 months at 31 March (DfE's derived LOOKED_AFTER_CONTINUOUSLY):
-- looked after at some time in the year, and no episode in the year starts care (RNE S after 1 April), ends
-- care (a DEC from 1 April to 31 March with REC other than X1) or is a short break (LS V3/V4).
-- Leaving care on 31 March itself breaks it too, as DfE's definition reads (any episode ending in the year
-- with REC other than X1) and as the warehouse's OC2 cohort is cut; the sector validator stops at 30 March,
-- which would put a child adopted on 31 March in OC2 and AD1 at once (rule 187).
with cla as (
    select CHILD
    from episodes
    group by CHILD
    having coalesce(bool_or(
               d(DECOM) <= collection_end() and (d(DEC) >= collection_start() or d(DEC) is null)
           ), false)
       and not coalesce(bool_or(
               (RNE = 'S' and d(DECOM) > collection_start() and d(DECOM) <= collection_end())
               or (coalesce(REC, '') <> 'X1' and d(DEC) >= collection_start() and d(DEC) <= collection_end())
               or (LS in ('V3', 'V4') and d(DECOM) <= collection_end()
                   and (d(DEC) >= collection_start() or d(DEC) is null))
           ), false)
)
select 'OC2' as table_name, o.row_key, o.CHILD as child
from oc2 as o
where o.SDQ_SCORE is not null and not exists (select 1 from cla where cla.CHILD = o.CHILD)
