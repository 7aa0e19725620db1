-- 554: Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted.
-- uses: history
-- The placement order is granted when a period of care first reaches legal status E1 (a period runs
-- through episodes that each start on or before the day the previous one ended). Periods are built from
-- this return's episodes and every earlier one's at hand, so an E1 episode this year that follows an E1
-- episode of an earlier year in the same period is not taken for the grant. Some decision to place, in this
-- return or an earlier one, must be on or before that date; with no decision at all, 553 reports instead.
with ordered as (
    select *, lag(dec_date) over (partition by CHILD order by decom_date, row_key nulls first) as previous_dec
    from every_episode
),
periods as (
    select *, sum(case when decom_date > previous_dec then 1 else 0 end)
        over (partition by CHILD order by decom_date, row_key nulls first rows unbounded preceding) as period
    from ordered
),
first_e1 as (
    select *, row_number() over (partition by CHILD, period order by decom_date, row_key nulls first) as n
    from periods
    where LS = 'E1'
),
decisions as (
    select CHILD, min(d(DATE_PLACED)) as first_decision
    from (select CHILD, DATE_PLACED from placed_adoption union all select CHILD, DATE_PLACED from placed_adoption_history)
    group by CHILD
)
select 'Episodes' as table_name, f.row_key, f.CHILD as child
from first_e1 as f
join decisions as p on p.CHILD = f.CHILD
where f.n = 1
  and f.row_key is not null
  and f.decom_date < p.first_decision
