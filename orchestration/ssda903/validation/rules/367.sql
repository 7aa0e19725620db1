-- 367: The maximum amount of respite care allowable is 75 days in any 12-month period.
-- The 12-month period is the collection year: V3 days (DEC - DECOM, an open episode to 31 March) within
-- 1 April-31 March are summed per child; over 75 fails every V3 episode that counted.
with breaks as (
    select row_key, CHILD,
        date_diff('day',
            greatest(DECOM_d, collection_start()),
            least(coalesce(DEC_d, collection_end()), collection_end())) as days
    from episodes
    where LS = 'V3' and DECOM_d is not null
),
counted as (
    select *, sum(days) over (partition by CHILD) as total
    from breaks
    where days > 0
)
select 'Episodes' as table_name, row_key, CHILD as child
from counted
where total > 75
