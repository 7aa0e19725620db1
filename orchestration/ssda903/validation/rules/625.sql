-- 625: Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.
-- The first child's date of birth may not be after 31 March, nor after the date the child's latest episode
-- (latest start) ceased. The Header row carries the error; the latest episode is returned too when its
-- end date is the one contradicted.
with latest as (
    select *, row_number() over (partition by CHILD order by DECOM_d desc nulls last, row_key desc) as n
    from episodes
),
h as (
    select h.row_key, h.CHILD, h.MC_DOB_d as mc_dob, e.row_key as episode_row, e.DEC_d as dec
    from header as h
    left join latest as e on e.CHILD = h.CHILD and e.n = 1
    where h.MC_DOB_d is not null
)
select 'Header' as table_name, row_key, CHILD as child
from h
where mc_dob > collection_end() or mc_dob > dec
union all
select 'Episodes' as table_name, episode_row as row_key, CHILD as child
from h
where mc_dob > dec
