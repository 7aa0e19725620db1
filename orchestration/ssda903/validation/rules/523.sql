-- 523: Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).
-- The adoption's best-interest decision (AD1 DATE_INT) is the decision to place: it must equal the
-- child's latest decision that they should be placed for adoption. Earlier decisions, reversed before
-- the one that led to the adoption, are not compared.
with latest as (
    select *, row_number() over (partition by CHILD order by d(DATE_PLACED) desc, row_key desc) as n
    from placed_adoption
    where d(DATE_PLACED) is not null
)
select 'PlacedAdoption' as table_name, p.row_key, p.CHILD as child
from latest as p
join ad1 as a on a.CHILD = p.CHILD
where p.n = 1 and d(a.DATE_INT) is not null and d(a.DATE_INT) <> d(p.DATE_PLACED)
