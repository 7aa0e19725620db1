-- 363: Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.
-- A child assessment order (L3) may last 7 days.
-- Consecutive L3 episodes of a child, each starting on or before the day the previous one ended, are one
-- stretch of that legal status; an open episode runs to 31 March. Every episode of a stretch lasting more
-- than 7 days (last end minus first start) fails.
with e as (
    select *,
        d(DECOM) as start_date,
        coalesce(d(DEC), collection_end()) as end_date,
        row_number() over w as seq,
        lag(LS) over w as prev_ls,
        lag(coalesce(d(DEC), collection_end())) over w as prev_ended
    from episodes
    where d(DECOM) is not null
    window w as (partition by CHILD order by d(DECOM), d(DEC), row_key)
),
stretches as (
    select *,
        sum(case when LS = 'L3' and prev_ls = 'L3' and start_date <= prev_ended then 0 else 1 end)
            over (partition by CHILD order by seq rows unbounded preceding) as stretch
    from e
),
spans as (
    select *, date_diff('day', min(start_date) over g, max(end_date) over g) as days
    from stretches
    where LS = 'L3'
    window g as (partition by CHILD, stretch)
)
select 'Episodes' as table_name, row_key, CHILD as child
from spans
where days > 7
