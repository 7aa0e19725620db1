-- 1007: Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]
-- For a young person aged 17 or 18 on 31 March, whose 17th or 18th birthday therefore fell this year: an
-- episode covering the birthday, and the latest episode still open (no DEC or no REC), means they were and
-- are still looked after, so care leaver information should be blank. Those who ceased to be looked after
-- after the birthday are rule 1016's.
with young as (
    select o.row_key, o.CHILD, coalesce(h.DOB_d, o.DOB_d) as dob
    from oc3 as o
    left join header as h on h.CHILD = o.CHILD
    where o.IN_TOUCH is not null or o.ACTIV is not null or o.ACCOM is not null
),
aged as (
    select *, cast(dob + to_years(age(dob, collection_end())) as date) as birthday
    from young
    where age(dob, collection_end()) in (17, 18)
),
latest as (
    select *, row_number() over (partition by CHILD order by DECOM_d desc nulls last, row_key desc) as n
    from episodes
)
select 'OC3' as table_name, a.row_key, a.CHILD as child
from aged as a
where exists (
          select 1 from episodes as e
          where e.CHILD = a.CHILD
            and e.DECOM_d <= a.birthday
            and (e.DEC is null or e.DEC_d > a.birthday)
      )
  and exists (select 1 from latest as l where l.CHILD = a.CHILD and l.n = 1 and (l.DEC is null or l.REC is null))
