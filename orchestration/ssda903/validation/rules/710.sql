-- 710: Child with a DoLO can not be placed in secure children's homes, with parents, young offender institutions, or supported accommodation.
-- For an order with both a start and an end date, no episode overlapping it may be K1, P1, R5 or K3. An
-- episode covers DECOM up to the day before DEC, so a placement ending the day the order starts does not
-- overlap it. Both the order and the episode are returned.
with pairs as (
    select o.row_key as dolo_row, e.row_key as episode_row, o.CHILD
    from dolo as o
    join episodes as e on e.CHILD = o.CHILD
    where o.DOLO_START_d is not null
      and o.DOLO_END_d is not null
      and e.DECOM_d is not null
      and o.DOLO_START_d < coalesce(e.DEC_d, date '9999-12-31')
      and o.DOLO_END_d >= e.DECOM_d
      and e.PLACE in ('K1', 'P1', 'R5', 'K3')
)
select 'DoLo' as table_name, dolo_row as row_key, CHILD as child from pairs
union
select 'Episodes' as table_name, episode_row as row_key, CHILD as child from pairs
