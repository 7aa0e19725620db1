-- 1001: The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed.
-- needs: last_year
-- A care leaver was looked after for at least 13 weeks (91 days) after their 14th birthday, including some
-- time after their 16th, not counting short breaks (V3/V4); a child adopted at the end of their last
-- episode (E11/E12) is not a care leaver. Only this year's and last year's episodes are at hand, so the
-- care-time test is made only for young people whose 16th birthday fell on or after the start of last
-- year's collection (time after the 16th birthday is then fully visible); adoption is tested for all.
-- Young people with no episode in either year are left to rule 1002. Episodes in both returns are counted
-- once (same start date, the ended copy preferred); an open last episode runs to 31 March.
with both_years as (
    select CHILD, d(DECOM) as decom, d(DEC) as dec, LS, REC, 1 as this_year from episodes
    union all
    select CHILD, d(DECOM) as decom, d(DEC) as dec, LS, REC, 0 as this_year from episodes_last
),
eps as (
    select *, row_number() over (partition by CHILD, decom order by dec nulls last, this_year desc) as copy
    from both_years
    where decom is not null
),
eps1 as (
    select *, row_number() over (partition by CHILD order by decom desc) as from_last
    from eps
    where copy = 1
),
young as (
    select o.row_key, o.CHILD, coalesce(d(h.DOB), d(o.DOB)) as dob
    from oc3 as o
    left join header as h on h.CHILD = o.CHILD
    where (o.IN_TOUCH is not null or o.ACTIV is not null or o.ACCOM is not null)
      and exists (select 1 from eps1 as e where e.CHILD = o.CHILD)
),
care as (
    select
        y.row_key, y.CHILD, y.dob,
        -- (greatest() skips NULLs, so the no-episode row of the left join is counted as 0 explicitly)
        sum(case when e.decom is null then 0 else
            greatest(date_diff('day', greatest(e.decom, cast(y.dob + interval 14 year as date)),
                               coalesce(e.dec, collection_end())), 0) end) as days_after_14,
        sum(case when e.decom is null then 0 else
            greatest(date_diff('day', greatest(e.decom, cast(y.dob + interval 16 year as date)),
                               coalesce(e.dec, collection_end())), 0) end) as days_after_16
    from young as y
    left join eps1 as e on e.CHILD = y.CHILD and coalesce(e.LS, '') not in ('V3', 'V4')
    group by y.row_key, y.CHILD, y.dob
)
select 'OC3' as table_name, c.row_key, c.CHILD as child
from care as c
where exists (select 1 from eps1 as e where e.CHILD = c.CHILD and e.from_last = 1 and e.REC in ('E11', 'E12'))
   or (
       cast(c.dob + interval 16 year as date) >= collection_start() - interval 1 year
       and (coalesce(c.days_after_14, 0) < 91 or coalesce(c.days_after_16, 0) < 1)
   )
