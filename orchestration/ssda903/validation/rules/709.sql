-- 709: Child with a DoLO is in an unexpected placement type.
-- For an order with both a start and an end date, every episode overlapping it should be a children's home
-- (K2) or Z12/Z13. An episode covers DECOM up to the day before DEC (DEC is the day the next placement
-- starts), so a placement ending the day the order starts does not overlap it; one starting on the order's
-- last day does. Both the order and the episode are returned.
with pairs as (
    select o.row_key as dolo_row, e.row_key as episode_row, o.CHILD
    from dolo as o
    join episodes as e on e.CHILD = o.CHILD
    where o.DOLO_START_d is not null
      and o.DOLO_END_d is not null
      and e.DECOM_d is not null
      and o.DOLO_START_d < coalesce(e.DEC_d, date '9999-12-31')
      and o.DOLO_END_d >= e.DECOM_d
      and e.PLACE not in ('K2', 'Z12', 'Z13')
)
select 'DoLo' as table_name, dolo_row as row_key, CHILD as child from pairs
union
select 'Episodes' as table_name, episode_row as row_key, CHILD as child from pairs
