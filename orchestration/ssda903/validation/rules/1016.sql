-- 1016: Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.
-- For a young person aged 17 or 18 on 31 March (17th or 18th birthday this year) whose latest episode
-- ceased on or after that birthday, care leaver information should be blank.
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
join latest as l on l.CHILD = a.CHILD and l.n = 1
where l.DEC_d >= a.birthday
