-- 377: Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.
-- Any 12 months: each T3 episode opens a window of 12 months from its start; a window holding more than two
-- T3 starts fails every T3 episode in it.
with t3 as (
    select row_key, CHILD, DECOM_d as start_date
    from episodes
    where PLACE = 'T3' and DECOM_d is not null
),
windows as (
    select a.row_key as opener, m.row_key, m.CHILD,
        count(*) over (partition by a.row_key) as in_window
    from t3 as a
    join t3 as m on m.CHILD = a.CHILD
        and m.start_date >= a.start_date and m.start_date < a.start_date + interval 12 month
)
select distinct 'Episodes' as table_name, row_key, CHILD as child
from windows
where in_window > 2
