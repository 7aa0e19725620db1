-- 191: Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.
-- A child in the OC2 cohort needs the four core OC2 items (immunisations, teeth check, health assessment,
-- substance misuse). A child with no OC2 row at all fails on their earliest episode.
-- continuously_looked_after: the children looked after continuously for 12 months at 31 March, as DfE
-- defines it (database.py).
with first_episode as (
    select row_key, CHILD
    from (
        select row_key, CHILD, row_number() over (partition by CHILD order by DECOM_d nulls last, row_key) as n
        from episodes
    )
    where n = 1
)

select 'OC2' as table_name, o.row_key, o.CHILD as child
from oc2 as o
join continuously_looked_after as cla on cla.CHILD = o.CHILD
where o.IMMUNISATIONS is null or o.TEETH_CHECK is null or o.HEALTH_ASSESSMENT is null or o.SUBSTANCE_MISUSE is null
union all
select 'Episodes' as table_name, f.row_key, f.CHILD as child
from first_episode as f
join continuously_looked_after as cla on cla.CHILD = f.CHILD
where not exists (select 1 from oc2 as o where o.CHILD = f.CHILD)
