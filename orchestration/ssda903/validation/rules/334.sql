-- 334: Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption.
-- The latest period of care starts at the child's latest episode with RNE S; DATE_INT must not be before it.
with latest_start as (
    select row_key, CHILD, DECOM_d as start_date,
        row_number() over (partition by CHILD order by DECOM_d desc nulls last, row_key desc) as n
    from episodes
    where RNE = 'S'
)
select 'Episodes' as table_name, l.row_key, l.CHILD as child
from latest_start as l
join ad1 as a on a.CHILD = l.CHILD
where l.n = 1
  and a.DATE_INT_d < l.start_date
