-- 1001: The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed.
-- needs: last_year
-- uses: history
-- A care leaver was looked after for at least 13 weeks (91 days) after their 14th birthday, including some
-- time after their 16th, not counting short breaks (V3/V4); a child adopted at the end of their last
-- episode (E11/E12) is not a care leaver. Episodes are this year's and every earlier return's at hand (each
-- episode once, every_episode); an open last episode runs to 31 March. Each part of the test is made only
-- where the history shows all of it: the 13 weeks when the 14th birthday is on or after the first day held
-- (history_start()), time after 16 when the 16th birthday is. In the pipeline the history starts in 2018/19,
-- so every care leaver of 2025/26 is judged whole; with last year's return alone, few are. Adoption is
-- tested for all. Young people with no episode at all are left to rule 1002.
with eps as (
    select *, row_number() over (partition by CHILD order by decom_date desc) as from_last
    from every_episode
),
young as (
    select o.row_key, o.CHILD, coalesce(h.DOB_d, o.DOB_d) as dob
    from oc3 as o
    left join header as h on h.CHILD = o.CHILD
    where (o.IN_TOUCH is not null or o.ACTIV is not null or o.ACCOM is not null)
      and exists (select 1 from eps as e where e.CHILD = o.CHILD)
),
care as (
    select
        y.row_key, y.CHILD, y.dob,
        -- (greatest() skips NULLs, so the no-episode row of the left join is counted as 0 explicitly)
        sum(case when e.decom_date is null then 0 else
            greatest(date_diff('day', greatest(e.decom_date, cast(y.dob + interval 14 year as date)),
                               coalesce(e.dec_date, collection_end())), 0) end) as days_after_14,
        sum(case when e.decom_date is null then 0 else
            greatest(date_diff('day', greatest(e.decom_date, cast(y.dob + interval 16 year as date)),
                               coalesce(e.dec_date, collection_end())), 0) end) as days_after_16
    from young as y
    left join eps as e on e.CHILD = y.CHILD and coalesce(e.LS, '') not in ('V3', 'V4')
    group by y.row_key, y.CHILD, y.dob
)
select 'OC3' as table_name, c.row_key, c.CHILD as child
from care as c
where exists (select 1 from eps as e where e.CHILD = c.CHILD and e.from_last = 1 and e.REC in ('E11', 'E12'))
   or (cast(c.dob + interval 14 year as date) >= history_start() and coalesce(c.days_after_14, 0) < 91)
   or (cast(c.dob + interval 16 year as date) >= history_start() and coalesce(c.days_after_16, 0) < 1)
