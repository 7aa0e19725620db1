-- 504: The category of need code differs from that reported at start of current period of being looked after
-- A period of being looked after runs through episodes joined by X1 (the next episode starts the day
-- the last ended). Every episode must keep the category of need of the period's first episode in this
-- year's return (503C compares that with last year).
with periods as (
    select
        *,
        sum(case when previous_rec = 'X1' and previous_dec = decom then 0 else 1 end)
            over (partition by CHILD order by decom, row_key rows unbounded preceding) as x1_period
    from episodes_in_periods
),
with_start as (
    select *, first_value(CIN) over (partition by CHILD, x1_period order by decom, row_key) as start_cin
    from periods
)
select 'Episodes' as table_name, row_key, CHILD as child
from with_start
where CIN is distinct from start_cin
