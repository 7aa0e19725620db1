-- 501: A new episode has started before the end date of the previous episode.
-- Episodes in start-date order: each must start on or after the day the one before it ended.
with ordered as (
    select
        row_key,
        CHILD,
        DECOM_d as decom,
        lag(DEC_d) over (partition by CHILD order by DECOM_d asc nulls last, row_key) as previous_dec
    from episodes
)
select 'Episodes' as table_name, row_key, CHILD as child
from ordered
where decom < previous_dec
