-- 543: Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.
-- Aged 10 on or before 31 March counts as 10 or over.
-- Continuously looked after for 12 months (DfE's definition): looked after at some time in the year, with
-- no episode starting care (RNE S) after 1 April, no episode ending care (REC other than X1) from 1 April
-- to 31 March, and no short-break (V3/V4) episode in the year.
-- Leaving care on 31 March itself breaks it too, as DfE's definition reads (any episode ending in the year
-- with REC other than X1) and as the warehouse's OC2 cohort is cut; the sector validator stops at 30 March,
-- which would put a child adopted on 31 March in OC2 and AD1 at once (rule 187).
with eps as (
    select CHILD, RNE, REC, LS, d(DECOM) as decom, d(DEC) as dec
    from episodes
),
flags as (
    select
        CHILD,
        bool_or(coalesce(decom <= collection_end() and (dec is null or dec >= collection_start()), false)) as in_year,
        bool_or(
            coalesce(RNE = 'S' and decom > collection_start() and decom <= collection_end(), false)
            or coalesce(coalesce(REC, '') <> 'X1' and dec >= collection_start() and dec <= collection_end(), false)
            or coalesce(
                LS in ('V3', 'V4') and decom <= collection_end() and (dec is null or dec >= collection_start()), false
            )
        ) as broken
    from eps
    group by CHILD
),
cla as (
    select CHILD from flags where in_year and not broken
)
select 'OC2' as table_name, o.row_key, o.CHILD as child
from oc2 as o
join cla on cla.CHILD = o.CHILD
where o.CONVICTED is null and age(d(o.DOB), collection_end()) >= 10
union all
-- A child with no OC2 row has every OC2 item blank; there is no OC2 row to point at, so their Header row is.
select 'Header' as table_name, h.row_key, h.CHILD as child
from header as h
join cla on cla.CHILD = h.CHILD
where age(d(h.DOB), collection_end()) >= 10
  and not exists (select 1 from oc2 where oc2.CHILD = h.CHILD)
