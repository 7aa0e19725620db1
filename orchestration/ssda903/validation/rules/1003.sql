-- 1003: Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.
-- Compared with the start of the child's first episode with RNE S this year; the PlacedAdoption row and
-- that episode are both returned.
with first_start as (
    select *, row_number() over (partition by CHILD order by DECOM_d, row_key) as n
    from episodes
    where RNE = 'S' and DECOM_d is not null
),
failing as (
    select p.row_key as pa_row, e.row_key as episode_row, p.CHILD
    from placed_adoption as p
    join first_start as e on e.CHILD = p.CHILD and e.n = 1
    where p.DATE_PLACED_d < e.DECOM_d
)
select 'PlacedAdoption' as table_name, pa_row as row_key, CHILD as child from failing
union all
select 'Episodes' as table_name, episode_row as row_key, CHILD as child from failing
