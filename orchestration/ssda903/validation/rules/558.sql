-- 558: If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.
-- A child adopted (REC E11/E12) was adopted under their latest decision to place (latest DATE_PLACED),
-- so that decision cannot have ceased. Earlier decisions may have.
with latest as (
    select *, row_number() over (partition by CHILD order by DATE_PLACED_d desc nulls last, row_key desc) as n
    from placed_adoption
)
select 'Episodes' as table_name, e.row_key, e.CHILD as child
from episodes as e
join latest as p on p.CHILD = e.CHILD and p.n = 1
where e.REC in ('E11', 'E12') and p.DATE_PLACED_CEASED is not null
